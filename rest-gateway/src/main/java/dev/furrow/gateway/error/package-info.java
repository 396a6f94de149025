/** The one mapping from gRPC status to each REST face's HTTP status and DRF-shaped error body. */
@NullMarked
package dev.furrow.gateway.error;

import org.jspecify.annotations.NullMarked;
