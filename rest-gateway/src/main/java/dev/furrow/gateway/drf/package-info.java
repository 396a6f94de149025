/**
 * Descriptor-driven translation between protobuf messages and the Django REST Framework JSON shapes
 * of the partner lending API: request bodies with DRF's per-field errors ({@link DrfJsonReader}),
 * resource rendering ({@link DrfJsonWriter}), the limit/offset list envelope ({@link
 * DrfPagination}) and list query parameters ({@link ListQueryParams}). Each resource endpoint stays
 * a thin mapping onto these.
 */
@NullMarked
package dev.furrow.gateway.drf;

import org.jspecify.annotations.NullMarked;
