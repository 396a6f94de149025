/** The partner lending face under /api/v1, keyed by X-Api-Key. */
@NullMarked
package dev.furrow.gateway.lending;

import org.jspecify.annotations.NullMarked;
