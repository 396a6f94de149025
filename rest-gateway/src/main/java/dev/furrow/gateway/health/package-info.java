/** The unauthenticated health endpoint probes use. */
@NullMarked
package dev.furrow.gateway.health;

import org.jspecify.annotations.NullMarked;
