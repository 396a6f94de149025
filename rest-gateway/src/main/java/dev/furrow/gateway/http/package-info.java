/** Shared HTTP rendering helpers. */
@NullMarked
package dev.furrow.gateway.http;

import org.jspecify.annotations.NullMarked;
