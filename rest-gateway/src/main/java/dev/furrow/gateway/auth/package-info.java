/**
 * API key authentication of the REST faces; the core judges the keys, the gateway forwards them.
 */
@NullMarked
package dev.furrow.gateway.auth;

import org.jspecify.annotations.NullMarked;
