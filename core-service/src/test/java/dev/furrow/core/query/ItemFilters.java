package dev.furrow.core.query;

/**
 * The whitelist of a small test resource: items, each with an optional owner joined as {@code o}.
 */
final class ItemFilters {
  static final ResourceFilters ITEMS =
      ResourceFilters.builder()
          .uuid("id", "i.id")
          .text("name", "i.name")
          .decimal("amount", "i.amount")
          .integer("qty", "i.qty")
          .reference("owner", "i.owner_id")
          .datetime("created", "i.created_at")
          .date("birth_date", "i.birth")
          .text("owner__first_name", "o.first_name")
          .datetime("owner__created", "o.created_at")
          .field(FilterField.of("note", "i.note", FieldType.TEXT).unsortable())
          .tiebreaker("i.id")
          .defaultSort("-created")
          .build();

  private ItemFilters() {}
}
