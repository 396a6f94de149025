/** The pay-as-you-go LMS face under /payg/lms, keyed by Bearer tokens. */
@NullMarked
package dev.furrow.gateway.payg;

import org.jspecify.annotations.NullMarked;
