package dev.furrow.core.query;

/** One entry of ORDER BY: a sortable field, ascending or descending. */
record SortKey(FilterField field, boolean descending) {

  String sql() {
    return Sql.operand(field.expression()) + (descending ? " DESC" : " ASC");
  }
}
