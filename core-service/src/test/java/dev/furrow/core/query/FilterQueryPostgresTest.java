package dev.furrow.core.query;

import static dev.furrow.core.query.ItemFilters.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.testing.TestDatabases;
import dev.furrow.testing.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compiled filters run against real PostgreSQL and select exactly the expected rows. */
class FilterQueryPostgresTest {
  private static final String FROM = " FROM item i LEFT JOIN owner o ON o.id = i.owner_id";

  private static final UUID ANN = UUID.fromString("0a000000-0000-4000-8000-00000000000a");
  private static final UUID BOB = UUID.fromString("0b000000-0000-4000-8000-00000000000b");
  private static final UUID ANNIKA = UUID.fromString("0c000000-0000-4000-8000-00000000000c");

  private static TestDatabase database;
  private static Jdbi jdbi;

  @BeforeAll
  static void createItems() {
    database = TestDatabases.create();
    jdbi = Jdbi.create(database.jdbcUrl());
    jdbi.useHandle(
        h -> {
          h.execute(
              "CREATE TABLE owner (id uuid PRIMARY KEY, first_name text NOT NULL,"
                  + " created_at timestamptz NOT NULL)");
          h.execute(
              "CREATE TABLE item (id uuid PRIMARY KEY, name text NOT NULL, amount numeric NOT NULL,"
                  + " qty int NOT NULL, owner_id uuid REFERENCES owner, created_at timestamptz NOT"
                  + " NULL, birth date, note text)");
          h.execute(
              "INSERT INTO owner VALUES (?, 'Ann', '2024-05-01T00:00:00Z'),"
                  + " (?, 'Bob', '2025-05-01T00:00:00Z'), (?, 'Annika', '2026-05-01T00:00:00Z')",
              ANN,
              BOB,
              ANNIKA);
          insert(h, 1, "Alpha Plough", "100.00", 1, ANN, "2026-01-15T10:00:00Z", "1980-03-05");
          // 23:30 on 1 March at -02:00 is 01:30 on 2 March in UTC
          insert(h, 2, "beta harrow", "250.50", 2, ANN, "2026-03-01T23:30:00-02:00", null);
          insert(h, 3, "Gamma 50% off", "999.99", 3, BOB, "2025-12-31T23:59:59Z", "1990-12-31");
          insert(h, 4, "Delta_seed", "100", 4, BOB, "2026-01-15T10:00:00Z", null);
          insert(h, 5, "x' OR '1'='1", "0", 5, ANNIKA, "2027-06-30T12:00:00Z", "2000-06-15");
          insert(h, 6, "Gamma 500 reseed", "5", 6, ANNIKA, "2026-07-04T00:00:00Z", "1975-01-20");
        });
  }

  private static void insert(
      org.jdbi.v3.core.Handle h,
      int n,
      String name,
      String amount,
      int qty,
      UUID owner,
      String created,
      @Nullable String birth) {
    h.createUpdate(
            "INSERT INTO item (id, name, amount, qty, owner_id, created_at, birth) VALUES (:id,"
                + " :name, CAST(:amount AS numeric), :qty, :owner, CAST(:created AS timestamptz),"
                + " CAST(:birth AS date))")
        .bind("id", id(n))
        .bind("name", name)
        .bind("amount", amount)
        .bind("qty", qty)
        .bind("owner", owner)
        .bind("created", created)
        .bind("birth", birth)
        .execute();
  }

  @AfterAll
  static void dropDatabase() {
    TestDatabases.drop(database);
  }

  /** Item n's id: distinct hex in the middle so that text lookups on ids have something to find. */
  private static UUID id(int n) {
    return UUID.fromString("0000000" + n + "-aaaa-4bbb-8ccc-00000000000" + n);
  }

  @Test
  void withoutFiltersEveryRowComesNewestFirstAndTiesGoByTheTiebreaker() {
    assertThat(page(Map.of(), null, null, null)).containsExactly(5, 6, 2, 1, 4, 3);
  }

  @Test
  void exactTextIsCaseSensitiveAndIexactIsNot() {
    assertThat(find("name", "beta harrow")).containsExactly(2);
    assertThat(find("name", "Beta Harrow")).isEmpty();
    assertThat(find("name__iexact", "BETA HARROW")).containsExactly(2);
  }

  @Test
  void containsMatchesPercentAndUnderscoreLiterally() {
    assertThat(find("name__contains", "50")).containsExactly(3, 6);
    assertThat(find("name__contains", "50%")).containsExactly(3);
    assertThat(find("name__contains", "_seed")).containsExactly(4);
    assertThat(find("name__contains", "gamma")).isEmpty();
    assertThat(find("name__icontains", "gamma")).containsExactly(3, 6);
  }

  @Test
  void inListsMatchTextNumbersAndUuids() {
    assertThat(find("name__in", "Alpha Plough, Delta_seed")).containsExactly(1, 4);
    assertThat(find("amount__in", "100,5")).containsExactly(1, 4, 6);
    assertThat(find("qty__in", "1,3")).containsExactly(1, 3);
    assertThat(find("id__in", id(1) + "," + id(3))).containsExactly(1, 3);
    assertThat(find("owner__in", ANN + "," + ANNIKA)).containsExactly(1, 2, 5, 6);
    assertThat(find("birth_date__in", "1980-03-05,2000-06-15")).containsExactly(1, 5);
    assertThat(find("created__in", "2026-01-15T10:00:00Z,2027-06-30T14:00:00+02:00"))
        .containsExactly(1, 4, 5);
  }

  @Test
  void uuidsMatchExactlyOrByTheirText() {
    assertThat(find("id", id(2).toString())).containsExactly(2);
    assertThat(find("id__iexact", id(2).toString().toUpperCase())).containsExactly(2);
    assertThat(find("id__icontains", "AAAA-4BBB-8CCC-000000000003")).containsExactly(3);
    assertThat(find("id__contains", "aaaa")).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(find("owner", BOB.toString())).containsExactly(3, 4);
  }

  @Test
  void numbersCompare() {
    assertThat(find("amount__gt", "100")).containsExactly(2, 3);
    assertThat(find("amount__gte", "100.000")).containsExactly(1, 2, 3, 4);
    assertThat(find("amount__lt", "100")).containsExactly(5, 6);
    assertThat(find("amount__lte", "5")).containsExactly(5, 6);
    assertThat(find("amount", "250.5")).containsExactly(2);
    assertThat(find("qty__gte", "5")).containsExactly(5, 6);
    assertThat(find("qty__lt", "2")).containsExactly(1);
  }

  @Test
  void dateTimesCompareAsInstants() {
    assertThat(find("created__gte", "2026-03-02T01:30:00Z")).containsExactly(2, 5, 6);
    assertThat(find("created__gt", "2026-03-01T22:00:00-02:00")).containsExactly(2, 5, 6);
    assertThat(find("created__lt", "2026-01-15")).containsExactly(3);
    assertThat(find("created__lte", "2026-01-15T10:00:00")).containsExactly(1, 3, 4);
    assertThat(find("created", "2026-01-15T12:00:00+02:00")).containsExactly(1, 4);
  }

  @Test
  void datePartsOfDateTimesAreTakenInUtc() {
    assertThat(find("created__year", "2026")).containsExactly(1, 2, 4, 6);
    assertThat(find("created__month", "3")).containsExactly(2);
    assertThat(find("created__day", "2")).containsExactly(2);
    assertThat(find("created__day", "1")).isEmpty();
    assertThat(find("created__year__gte", "2026")).containsExactly(1, 2, 4, 5, 6);
    assertThat(find("created__year__in", "2025,2027")).containsExactly(3, 5);
    assertThat(find("created__month__in", "1,6")).containsExactly(1, 4, 5);
    assertThat(find("created__day__lte", "4")).containsExactly(2, 6);
  }

  @Test
  void datesCompareAndHaveDateParts() {
    assertThat(find("birth_date", "1990-12-31")).containsExactly(3);
    assertThat(find("birth_date__lt", "1990-01-01")).containsExactly(1, 6);
    assertThat(find("birth_date__year", "2000")).containsExactly(5);
    assertThat(find("birth_date__month__gte", "6")).containsExactly(3, 5);
    assertThat(find("birth_date__day__in", "5,20")).containsExactly(1, 6);
  }

  @Test
  void nestedNamesFilterThroughTheJoin() {
    assertThat(find("owner__first_name", "Ann")).containsExactly(1, 2);
    assertThat(find("owner__first_name__icontains", "ann")).containsExactly(1, 2, 5, 6);
    assertThat(find("owner__created__year__gte", "2025")).containsExactly(3, 4, 5, 6);
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(items(Map.of("amount__gte", "100", "owner__first_name", "Bob")))
        .containsExactly(3, 4);
  }

  @Test
  void sortIsAscendingOrDescendingWithTheTiebreakerKeepingEqualRowsInOrder() {
    assertThat(page(Map.of(), "amount", null, null)).containsExactly(5, 6, 1, 4, 2, 3);
    assertThat(page(Map.of(), "-amount", null, null)).containsExactly(3, 2, 1, 4, 6, 5);
    assertThat(page(Map.of(), "owner__first_name,-amount", null, null))
        .containsExactly(2, 1, 6, 5, 3, 4);
  }

  @Test
  void limitAndOffsetPickAPageOfTheOrderedRows() {
    assertThat(page(Map.of(), null, "2", "1")).containsExactly(6, 2);
    assertThat(page(Map.of(), null, "2", "4")).containsExactly(4, 3);
    assertThat(page(Map.of(), null, "2", "6")).isEmpty();
  }

  @Test
  void countUsesTheSameWhereAndBindings() {
    CompiledQuery query =
        ITEMS.compile(Map.of("amount__in", "100,5", "name__icontains", "a"), null, null, null);

    long count =
        jdbi.withHandle(
            h ->
                query
                    .bind(h.createQuery("SELECT count(*)" + FROM + " WHERE " + query.where()))
                    .mapTo(Long.class)
                    .one());

    assertThat(count).isEqualTo(3);
  }

  @Test
  void quotesAndSqlInValuesAreJustText() {
    assertThat(find("name", "x' OR '1'='1")).containsExactly(5);
    assertThat(find("name__contains", "' OR 1=1 --")).isEmpty();
    assertThat(find("name__icontains", "'); DROP TABLE item; --")).isEmpty();
    assertThat(find("name__in", "x' OR '1'='1,nothing")).containsExactly(5);
    assertThat(items(Map.of())).hasSize(6);
  }

  private static List<Integer> find(String parameter, String value) {
    return items(Map.of(parameter, value));
  }

  /** Matching item numbers in ascending order. */
  private static List<Integer> items(Map<String, String> filters) {
    return page(filters, "id", null, null);
  }

  private static List<Integer> page(
      Map<String, String> filters,
      @Nullable String sort,
      @Nullable String limit,
      @Nullable String offset) {
    CompiledQuery query = ITEMS.compile(filters, sort, limit, offset);
    String sql =
        "SELECT i.id"
            + FROM
            + " WHERE "
            + query.where()
            + " ORDER BY "
            + query.orderBy()
            + " LIMIT :limit OFFSET :offset";
    List<UUID> ids =
        jdbi.withHandle(
            h ->
                query
                    .bind(h.createQuery(sql))
                    .bind("limit", query.limit())
                    .bind("offset", query.offset())
                    .mapTo(UUID.class)
                    .list());
    return ids.stream().map(id -> Integer.parseInt(id.toString().substring(7, 8))).toList();
  }
}
