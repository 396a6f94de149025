package dev.furrow.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.ListLoansRequest;
import dev.furrow.proto.lending.v1.ListLoansResponse;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.MakeArrearsRequest;
import dev.furrow.proto.lending.v1.MakeDefaultRequest;
import dev.furrow.proto.lending.v1.Product;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoanListTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static LoanFixtures lender;

  /** Borrower first name to the id of their loan. */
  private static final Map<String, String> LOANS = new HashMap<>();

  /** Borrower first name to their end user id. */
  private static final Map<String, String> END_USERS = new HashMap<>();

  /**
   * Four loans of one partner, opened (backdated in the database) in this order:
   *
   * <ul>
   *   <li>Amina Okafor, 2023-01-10: 1200000.00 over 24 instalments, approved;
   *   <li>Bello Okafor, 2023-06-05: 500000.00 over 12, disbursed and in arrears;
   *   <li>Dayo Adeyemi, 2024-02-01: 900000.00 over 12, disbursed and in default;
   *   <li>Chidi Eze, 2024-06-20: 300000.00 over 6, never disbursed, written off;
   * </ul>
   *
   * and a loan of another partner's Amina Okafor that no list of the first may show.
   */
  @BeforeAll
  static void fourLoansOfOnePartnerAndOneOfAnother() {
    lender = LoanFixtures.newPartner(core, "loan-list");
    Product product = lender.termLoan();
    open(product, "Amina", "Okafor", null, null, "2023-01-10");
    Loan bello = open(product, "Bello", "Okafor", "500000", 12, "2023-06-05");
    Loan dayo = open(product, "Dayo", "Adeyemi", "900000", 12, "2024-02-01");
    Loan chidi = open(product, "Chidi", "Eze", "300000", 6, "2024-06-20");

    lender.disburse(bello, "500000.00", "2500.00", "0.00");
    lender.loans.makeArrears(MakeArrearsRequest.newBuilder().setId(bello.getId()).build());
    lender.backdate(bello, "2023-06-05");
    lender.disburse(dayo, "900000.00", "0.00", "1500.00");
    lender.loans.makeDefault(MakeDefaultRequest.newBuilder().setId(dayo.getId()).build());
    lender.backdate(dayo, "2024-02-01");
    lender.loans.closeLoan(
        CloseLoanRequest.newBuilder()
            .setId(chidi.getId())
            .setCloseReason("Borrower cancelled before disbursement")
            .setCloseSubstatus("written_off")
            .build());
    lender.backdate(chidi, "2024-06-20");

    LoanFixtures other = LoanFixtures.newPartner(core, "loan-list-other");
    other.backdate(other.openLoan("Amina", "Okafor"), "2023-06-06");
  }

  private static Loan open(
      Product product,
      String firstName,
      String lastName,
      String amount,
      Integer installments,
      String day) {
    EndUser endUser = lender.endUser(firstName, lastName);
    ApplicationInput.Builder terms = ApplicationInput.newBuilder();
    if (amount != null) {
      terms.setAmount(amount).setInstallments(installments);
    }
    Loan loan = lender.open(lender.accepted(product, endUser, terms).getId());
    lender.backdate(loan, day);
    LOANS.put(firstName, loan.getId());
    END_USERS.put(firstName, endUser.getId());
    return loan;
  }

  private static ListLoansResponse list(Map<String, String> filters) {
    return lender.loans.listLoans(
        ListLoansRequest.newBuilder()
            .setQuery(ListQuery.newBuilder().putAllFilters(filters))
            .build());
  }

  /** The borrowers' first names of the loans listed, in order. */
  private static List<String> names(Map<String, String> filters) {
    return borrowers(list(filters));
  }

  private static List<String> borrowers(ListLoansResponse response) {
    Map<String, String> byId = new HashMap<>();
    LOANS.forEach((name, id) -> byId.put(id, name));
    return response.getResultsList().stream()
        .map(loan -> byId.getOrDefault(loan.getId(), "someone else"))
        .toList();
  }

  @Test
  void listShowsOnlyTheCallersLoansNewestFirst() {
    ListLoansResponse all = list(Map.of());

    assertThat(borrowers(all)).containsExactly("Chidi", "Dayo", "Bello", "Amina");
    assertThat(all.getPage().getCount()).isEqualTo(4);
    assertThat(all.getPage().getLimit()).isEqualTo(20);
    assertThat(all.getPage().getOffset()).isZero();
  }

  @Test
  void statusFiltersExactlyOrByList() {
    assertThat(names(Map.of("status", "in_arrears"))).containsExactly("Bello");
    assertThat(names(Map.of("status__in", "in_arrears, default"))).containsExactly("Dayo", "Bello");
    assertThat(names(Map.of("status__in", "closed,approved"))).containsExactly("Chidi", "Amina");
    assertThat(names(Map.of("status__icontains", "ARREARS"))).containsExactly("Bello");
  }

  @Test
  void borrowerFieldsFilterThroughTheEndUser() {
    assertThat(names(Map.of("end_user__first_name__icontains", "AMI"))).containsExactly("Amina");
    assertThat(names(Map.of("end_user__last_name", "Okafor"))).containsExactly("Bello", "Amina");
    assertThat(names(Map.of("end_user__email__iexact", "DAYO@example.ng"))).containsExactly("Dayo");
    assertThat(names(Map.of("end_user__birth_date__year", "1985")))
        .containsExactly("Chidi", "Dayo", "Bello", "Amina");
    assertThat(names(Map.of("end_user", END_USERS.get("Bello")))).containsExactly("Bello");
  }

  @Test
  void applicationFieldsFilterThroughTheApplication() {
    assertThat(names(Map.of("application__status__in", "accepted")))
        .containsExactly("Chidi", "Dayo", "Bello", "Amina");
    assertThat(names(Map.of("application__status__in", "declined,withdrawn"))).isEmpty();
    assertThat(names(Map.of("application__amount__lt", "600000")))
        .containsExactly("Chidi", "Bello");
    assertThat(names(Map.of("application__installments", "12"))).containsExactly("Dayo", "Bello");
    assertThat(names(Map.of("application__reason__icontains", "underwriting")))
        .containsExactly("Chidi", "Dayo", "Bello", "Amina");
  }

  @Test
  void createdFiltersOnTheInstantAndItsUtcParts() {
    assertThat(names(Map.of("created__year", "2023"))).containsExactly("Bello", "Amina");
    assertThat(names(Map.of("created__year__gte", "2024"))).containsExactly("Chidi", "Dayo");
    assertThat(names(Map.of("created__month__in", "1,2"))).containsExactly("Dayo", "Amina");
    assertThat(names(Map.of("created__gte", "2023-06-05T09:30:00Z", "created__lt", "2024-06-20")))
        .containsExactly("Dayo", "Bello");
  }

  @Test
  void moneyAndCountsCompareAsNumbers() {
    assertThat(names(Map.of("amount__gte", "900000"))).containsExactly("Dayo", "Amina");
    assertThat(names(Map.of("principal__gt", "0"))).containsExactly("Dayo", "Bello");
    assertThat(names(Map.of("interest", "2500"))).containsExactly("Bello");
    assertThat(names(Map.of("fee__in", "1500.00,1"))).containsExactly("Dayo");
    assertThat(names(Map.of("installments__lte", "12"))).containsExactly("Chidi", "Dayo", "Bello");
    assertThat(names(Map.of("interest_rate", "5.5")))
        .containsExactly("Chidi", "Dayo", "Bello", "Amina");
    assertThat(names(Map.of("grace_instalments", "2", "arrears_tolerance__gte", "7")))
        .containsExactly("Chidi", "Dayo", "Bello", "Amina");
  }

  @Test
  void closedLoansFilterByTheirClosing() {
    assertThat(names(Map.of("close_substatus", "written_off"))).containsExactly("Chidi");
    assertThat(names(Map.of("close_reason__icontains", "cancelled"))).containsExactly("Chidi");
    assertThat(names(Map.of("written_off_amount", "0"))).containsExactly("Chidi");
  }

  @Test
  void unsetValuesMatchNoComparison() {
    assertThat(names(Map.of("business_days_in_period__gte", "0"))).isEmpty();
    assertThat(names(Map.of("close_substatus__in", "paid_in_full"))).isEmpty();
  }

  @Test
  void sortNamesAnyFieldIncludingTheBorrowers() {
    ListLoansResponse byName =
        lender.loans.listLoans(
            ListLoansRequest.newBuilder()
                .setQuery(ListQuery.newBuilder().setSort("end_user__last_name,-amount"))
                .build());
    assertThat(borrowers(byName)).containsExactly("Dayo", "Chidi", "Amina", "Bello");
  }

  @Test
  void pagesCountEveryMatchAndServeTheRequestedSlice() {
    ListLoansResponse first = page("3", "");
    assertThat(borrowers(first)).containsExactly("Chidi", "Dayo", "Bello");
    assertThat(first.getPage().getCount()).isEqualTo(4);
    assertThat(first.getPage().getLimit()).isEqualTo(3);

    ListLoansResponse second = page("3", "3");
    assertThat(borrowers(second)).containsExactly("Amina");
    assertThat(second.getPage().getCount()).isEqualTo(4);
    assertThat(second.getPage().getOffset()).isEqualTo(3);

    ListLoansResponse clamped = page("500", "");
    assertThat(clamped.getPage().getLimit()).isEqualTo(100);
  }

  @Test
  void unusableParametersAreFieldViolations() {
    Map<String, String> violations =
        fieldViolations(
            Map.of(
                "amount__gt", "lots",
                "application", "42",
                "created__year", "10000",
                "status__gt", "active",
                "colour", "red"));

    assertThat(violations)
        .containsEntry("amount__gt", "Enter a number.")
        .containsEntry("application", "Enter a valid UUID.")
        .containsEntry("created__year", "Ensure this value is less than or equal to 9999.")
        .containsEntry(
            "status__gt",
            "Unknown lookup \"gt\" for status. Allowed: status, status__iexact, status__contains,"
                + " status__icontains, status__in.");
    assertThat(violations.get("colour")).startsWith("Unknown filter parameter. Allowed: amount,");
    assertThat(violations).hasSize(5);
  }

  /**
   * The loans of one partner in one status must be read from {@code loan_partner_status_idx}, in
   * the default order, without a sort. The table holds a handful of rows here, for which a
   * sequential scan is the planner's right answer, so the transaction turns sequential scans off
   * ({@code SET LOCAL}, which ends with it): what the test pins down is that the index can serve
   * this exact SQL, the filter and the ORDER BY, and that the joins no filter uses are dropped.
   */
  @Test
  void oneStatusOfOnePartnerIsReadThroughThePartnerStatusIndex() {
    String plan = explain(Map.of("status", "in_arrears"));

    assertThat(plan)
        .contains("loan_partner_status_idx")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort")
        .doesNotContain("end_user")
        .doesNotContain("application");
  }

  @Test
  void theDefaultListIsReadThroughThePartnerCreatedIndex() {
    String plan = explain(Map.of("created__gte", "2023-01-01"));

    assertThat(plan)
        .contains("Index Scan using loan_partner_created_idx")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }

  private static String explain(Map<String, String> filters) {
    CompiledQuery query = LoanRepository.FILTERS.compile(filters, null, null, null);
    List<String> plan =
        core.server()
            .jdbi()
            .inTransaction(
                h -> {
                  h.execute("SET LOCAL enable_seqscan = off");
                  return query
                      .bind(h.createQuery("EXPLAIN " + LoanRepository.pageSql(query)))
                      .bind("partner", lender.partnerId)
                      .bind("limit", query.limit())
                      .bind("offset", query.offset())
                      .mapTo(String.class)
                      .list();
                });
    return String.join("\n", plan);
  }

  private static ListLoansResponse page(String limit, String offset) {
    return lender.loans.listLoans(
        ListLoansRequest.newBuilder()
            .setQuery(ListQuery.newBuilder().setLimit(limit).setOffset(offset))
            .build());
  }

  private static Map<String, String> fieldViolations(Map<String, String> filters) {
    Map<String, String> violations = new LinkedHashMap<>();
    assertThatThrownBy(() -> list(filters))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              try {
                StatusProto.fromThrowable(e)
                    .getDetails(0)
                    .unpack(BadRequest.class)
                    .getFieldViolationsList()
                    .forEach(v -> violations.put(v.getField(), v.getDescription()));
              } catch (InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
              }
            });
    return violations;
  }
}
