/** The REST gateway: the public REST faces of Furrow, served over the core's gRPC API. */
@NullMarked
package dev.furrow.gateway;

import org.jspecify.annotations.NullMarked;
