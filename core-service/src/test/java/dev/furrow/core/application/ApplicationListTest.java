package dev.furrow.core.application;

import static dev.furrow.core.application.LendingPartner.assertFieldViolations;
import static dev.furrow.core.application.LendingPartner.seventeenYearsAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.ListApplicationsRequest;
import dev.furrow.proto.lending.v1.ListApplicationsResponse;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.WithdrawApplicationRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplicationListTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static LendingPartner lender;
  private static Product termLoan;
  private static Product creditLine;

  /** Application id to a short name the assertions use. */
  private static final Map<String, String> NAMES = new HashMap<>();

  /**
   * Four applications of one partner, created (backdated in the database) in this order: "amina-1"
   * incomplete for 100,000.00 on the term loan (2025-03-10), "bello" accepted for 500,000.00 on the
   * term loan (2025-11-02), "chidi" declined (under 18) for 800,000.00 on the credit line
   * (2026-01-15), and "amina-2" withdrawn for 1,000,000.00 on the credit line (2026-02-20); and one
   * application of another partner, which no list of the first may show.
   */
  @BeforeAll
  static void fourApplicationsOfOnePartnerAndOneOfAnother() {
    lender = LendingPartner.create(core, "app-list");
    termLoan = lender.publishedTermLoan();
    creditLine =
        lender.published(
            LendingPartner.revolvingWithoutDefaults()
                .setDefaultLoanAmount("500000")
                .setDefaultInterestRate("18"));
    EndUser amina = lender.endUser(LendingPartner.borrower("Amina"));
    EndUser bello = lender.endUser(LendingPartner.borrower("Bello"));
    EndUser chidi =
        lender.endUser(LendingPartner.borrower("Chidi").setBirthDate(seventeenYearsAgo()));

    Application amina1 = lender.apply(termLoan, amina, a -> a.setAmount("100000"));
    Application bello1 = complete(lender.apply(termLoan, bello, a -> a.setAmount("500000")));
    Application chidi1 = complete(lender.apply(creditLine, chidi, a -> a.setAmount("800000")));
    Application amina2 =
        lender.applications.withdrawApplication(
            WithdrawApplicationRequest.newBuilder()
                .setId(lender.apply(creditLine, amina, a -> a.setAmount("1000000")).getId())
                .build());
    backdate(amina1, "2025-03-10", "amina-1");
    backdate(bello1, "2025-11-02", "bello");
    backdate(chidi1, "2026-01-15", "chidi");
    backdate(amina2, "2026-02-20", "amina-2");

    LendingPartner other = LendingPartner.create(core, "app-list-other");
    other.apply(other.publishedTermLoan(), other.endUser(LendingPartner.borrower("Amina")));
  }

  @Test
  void listShowsOnlyTheCallersApplicationsNewestFirst() {
    ListApplicationsResponse all = list(Map.of());

    assertThat(names(all)).containsExactly("amina-2", "chidi", "bello", "amina-1");
    assertThat(all.getPage().getCount()).isEqualTo(4);
    assertThat(all.getPage().getLimit()).isEqualTo(20);
    assertThat(all.getPage().getOffset()).isZero();
  }

  @Test
  void statusFilters() {
    assertThat(names(Map.of("status__in", "accepted,declined"))).containsExactly("chidi", "bello");
    assertThat(names(Map.of("status", "withdrawn"))).containsExactly("amina-2");
    assertThat(names(Map.of("status__iexact", "INCOMPLETE"))).containsExactly("amina-1");
  }

  @Test
  void amountFilters() {
    assertThat(names(Map.of("amount__gte", "500000"))).containsExactly("amina-2", "chidi", "bello");
    assertThat(names(Map.of("amount__lt", "500000.00"))).containsExactly("amina-1");
    assertThat(names(Map.of("amount__in", "100000, 1000000")))
        .containsExactly("amina-2", "amina-1");
  }

  @Test
  void createdFiltersOnItsUtcParts() {
    assertThat(names(Map.of("created__year", "2025"))).containsExactly("bello", "amina-1");
    assertThat(names(Map.of("created__year", "2026", "created__month__lte", "1")))
        .containsExactly("chidi");
  }

  @Test
  void endUserFieldsFilterThroughTheJoin() {
    assertThat(names(Map.of("end_user__first_name__icontains", "AMI")))
        .containsExactly("amina-2", "amina-1");
    assertThat(names(Map.of("end_user__birth_date__year__gte", "2000"))).containsExactly("chidi");
    assertThat(names(Map.of("end_user__email__iexact", "BELLO@example.ng")))
        .containsExactly("bello");
  }

  @Test
  void productAndEndUserFilterOnTheirIds() {
    assertThat(names(Map.of("product", termLoan.getId()))).containsExactly("bello", "amina-1");
    assertThat(names(Map.of("product__in", termLoan.getId() + "," + creditLine.getId())))
        .hasSize(4);
    assertThat(names(Map.of("product", UUID.randomUUID().toString()))).isEmpty();
  }

  @Test
  void decisionFieldsFilter() {
    assertThat(names(Map.of("reason__icontains", "under 18"))).containsExactly("chidi");
    String thisYear = String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear());
    assertThat(names(Map.of("processing_finished_at__year", thisYear)))
        .containsExactly("chidi", "bello");
    assertThat(names(Map.of("installments", "24"))).containsExactly("bello", "amina-1");
  }

  @Test
  void sortTakesTheWhitelistedFields() {
    assertThat(names(query(ListQuery.newBuilder().setSort("amount"))))
        .containsExactly("amina-1", "bello", "chidi", "amina-2");
    assertThat(names(query(ListQuery.newBuilder().setSort("-end_user__first_name,amount"))))
        .containsExactly("chidi", "bello", "amina-1", "amina-2");
  }

  @Test
  void pagesCountEveryMatchAndServeTheRequestedSlice() {
    ListApplicationsResponse first = query(ListQuery.newBuilder().setLimit("3"));
    assertThat(names(first)).containsExactly("amina-2", "chidi", "bello");
    assertThat(first.getPage().getCount()).isEqualTo(4);
    assertThat(first.getPage().getLimit()).isEqualTo(3);

    ListApplicationsResponse second = query(ListQuery.newBuilder().setLimit("3").setOffset("3"));
    assertThat(names(second)).containsExactly("amina-1");
    assertThat(second.getPage().getCount()).isEqualTo(4);
    assertThat(second.getPage().getOffset()).isEqualTo(3);

    ListApplicationsResponse filtered =
        query(ListQuery.newBuilder().putFilters("status__in", "accepted,declined").setLimit("1"));
    assertThat(names(filtered)).containsExactly("chidi");
    assertThat(filtered.getPage().getCount()).isEqualTo(2);
  }

  @Test
  void unusableParametersAreFieldViolations() {
    assertFieldViolations(
        () ->
            query(
                ListQuery.newBuilder()
                    .putFilters("amount__gt", "lots")
                    .putFilters("end_user", "42")
                    .putFilters("status__gte", "accepted")
                    .setSort("end_user__city")),
        tuple("amount__gt", "Enter a number."),
        tuple("end_user", "Enter a valid UUID."),
        tuple(
            "status__gte",
            "Unknown lookup \"gte\" for status. Allowed: status, status__iexact, status__contains,"
                + " status__icontains, status__in."),
        tuple(
            "sort",
            "Unknown sort field \"end_user__city\". Allowed: amount, created,"
                + " end_user__first_name, end_user__last_name, id, installments,"
                + " processing_finished_at, rate, status, updated."));
  }

  /**
   * A status filter of one partner must be answered from one of the partner's indexes, never a scan
   * of the whole table. The table holds a handful of rows here, for which a sequential scan is the
   * planner's right answer, so the transaction turns sequential scans off ({@code SET LOCAL}): what
   * the test pins down is that an index can serve this exact SQL.
   */
  @Test
  void statusFilterOfOnePartnerIsReadThroughAPartnerIndex() {
    CompiledQuery query =
        ApplicationRepository.FILTERS.compile(
            Map.of("status__in", "accepted,declined"), null, null, null);

    List<String> plan =
        core.server()
            .jdbi()
            .inTransaction(
                h -> {
                  h.execute("ANALYZE application");
                  h.execute("SET LOCAL enable_seqscan = off");
                  return query
                      .bind(h.createQuery("EXPLAIN " + ApplicationRepository.pageSql(query)))
                      .bind("partner", lender.partnerId)
                      .bind("limit", query.limit())
                      .bind("offset", query.offset())
                      .mapTo(String.class)
                      .list();
                });

    String text = String.join("\n", plan);
    assertThat(text)
        .containsAnyOf("application_partner_status_idx", "application_partner_created_idx")
        .doesNotContain("Seq Scan");
  }

  private static Application complete(Application application) {
    return lender.applications.completeApplication(
        CompleteApplicationRequest.newBuilder().setId(application.getId()).build());
  }

  private static void backdate(Application application, String createdOn, String name) {
    OffsetDateTime at = OffsetDateTime.parse(createdOn + "T09:30:00Z");
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE application SET created_at = :at WHERE id = :id")
                    .bind("at", at)
                    .bind("id", UUID.fromString(application.getId()))
                    .execute());
    NAMES.put(application.getId(), name);
  }

  private static ListApplicationsResponse list(Map<String, String> filters) {
    return query(ListQuery.newBuilder().putAllFilters(filters));
  }

  private static ListApplicationsResponse query(ListQuery.Builder query) {
    return lender.applications.listApplications(
        ListApplicationsRequest.newBuilder().setQuery(query).build());
  }

  private static List<String> names(Map<String, String> filters) {
    return names(list(filters));
  }

  private static List<String> names(ListApplicationsResponse response) {
    return response.getResultsList().stream().map(a -> NAMES.get(a.getId())).toList();
  }
}
