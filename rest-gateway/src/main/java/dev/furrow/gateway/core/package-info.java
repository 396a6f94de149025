/** The gateway's side of the connection to the core: channel, deadlines, future adaption. */
@NullMarked
package dev.furrow.gateway.core;

import org.jspecify.annotations.NullMarked;
