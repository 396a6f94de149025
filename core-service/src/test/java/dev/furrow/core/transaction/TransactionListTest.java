package dev.furrow.core.transaction;

import static dev.furrow.core.GrpcAssertions.fieldViolations;
import static dev.furrow.core.LoanOpening.fee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.ListTransactionsResponse;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionListTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static Lender lender;
  private static Loan amina;
  private static Loan bello;

  /**
   * Two loans of one partner: Amina's, disbursed (with a 1% processing fee), repaid in part and
   * charged a custom fee; Bello's, disbursed and repaid, the repayment reverted. Another partner
   * has a loan with a transaction that no list of the first may show.
   */
  @BeforeAll
  static void twoLoansWithTransactionsAndAnotherPartners() {
    lender = Lender.newPartner(core, "transaction-list");
    Product product = lender.product(fee("Processing", "percent", "1", "disbursement"));
    amina = lender.openLoan(product, "200000");
    lender.disburse(amina, "200000");
    lender.repay(amina, "5000");
    lender.customFee(amina, "Field visit", "flat", "750");
    bello = lender.openLoan(product, "50000");
    rename(bello, "Bello");
    lender.disburse(bello, "50000");
    lender.revert(lender.repay(bello, "1000").getId());

    Lender other = Lender.newPartner(core, "transaction-list-other");
    other.disburse(other.openLoan(other.product(), "10000"), "10000");
  }

  private static void rename(Loan loan, String firstName) {
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE end_user SET first_name = :name"
                            + " WHERE id = (SELECT end_user_id FROM loan WHERE id = :loan)")
                    .bind("name", firstName)
                    .bind("loan", UUID.fromString(loan.getId()))
                    .execute());
  }

  private static List<String> amounts(String... filters) {
    return lender.list(filters).getResultsList().stream().map(Transaction::getAmount).toList();
  }

  @Test
  void listShowsOnlyTheCallersTransactionsNewestFirst() {
    ListTransactionsResponse all = lender.list();
    assertThat(all.getPage().getCount()).isEqualTo(8);
    assertThat(all.getResultsList())
        .extracting(Transaction::getCreated)
        .isSortedAccordingTo(
            (a, b) ->
                Long.compare(b.getSeconds(), a.getSeconds()) != 0
                    ? Long.compare(b.getSeconds(), a.getSeconds())
                    : Integer.compare(b.getNanos(), a.getNanos()));
    assertThat(amounts("loan", amina.getId(), "sort", "created"))
        .containsExactly("200000.00", "2000.00", "5000.00", "750.00");
  }

  @Test
  void ownFieldsFilterByTheirTypes() {
    assertThat(amounts("type", "fee", "sort", "amount"))
        .containsExactly("500.00", "750.00", "2000.00");
    assertThat(amounts("status__in", "reverted,reversal")).containsExactly("1000.00", "1000.00");
    assertThat(amounts("fee_name__icontains", "VISIT")).containsExactly("750.00");
    assertThat(amounts("fee_type", "percent", "sort", "-amount"))
        .containsExactly("2000.00", "500.00");
    assertThat(amounts("custom_fee_amount__gte", "700")).containsExactly("750.00");
    assertThat(amounts("affected_loan_principal__lt", "0", "status", "applied"))
        .containsExactly("5000.00");
    assertThat(amounts("amount__gte", "50000", "sort", "amount"))
        .containsExactly("50000.00", "200000.00");
    assertThat(amounts("result_loan_status", "active", "loan", bello.getId())).hasSize(4);
    int thisYear = Year.now(ZoneOffset.UTC).getValue();
    assertThat(amounts("reverted_at__year", String.valueOf(thisYear))).containsExactly("1000.00");
    assertThat(amounts("completed_at__year__lt", String.valueOf(thisYear))).isEmpty();
    assertThat(amounts("previous_transaction__in", lender.history(amina).get(0).getId()))
        .containsExactly("2000.00");
    assertThat(amounts("statement__gt", "00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void loanBorrowerAndApplicationFieldsFilterThroughJoins() {
    assertThat(amounts("loan__end_user__first_name__icontains", "bell")).hasSize(4);
    assertThat(amounts("loan__amount__gt", "100000")).hasSize(4);
    assertThat(amounts("loan__application__amount", "50000.00")).hasSize(4);
    assertThat(amounts("loan__status", "active")).hasSize(8);
    assertThat(amounts("loan__fee__gt", "600", "type", "repayment")).containsExactly("5000.00");
    assertThat(amounts("loan__application__status", "accepted")).hasSize(8);
    assertThat(amounts("loan__end_user__birth_date__year", "1985")).hasSize(8);
    assertThat(amounts("loan__id", amina.getId())).hasSize(4);
    assertThat(amounts("sort", "loan__end_user__first_name,amount").get(0)).isEqualTo("750.00");
  }

  @Test
  void everyFilterOfTheReferenceIsAccepted() {
    Set<String> names = TransactionRepository.FILTERS.parameterNames();
    assertThat(names).hasSize(594);
    Set<String> fields = new TreeSet<>();
    TransactionRepository.FILTERS.fields().forEach(f -> fields.add(f.name()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "id",
            "created",
            "updated",
            "loan",
            "type",
            "amount",
            "status",
            "fee_name",
            "fee_type",
            "custom_fee_amount",
            "previous_transaction",
            "idempotency_key",
            "related_transaction",
            "completed_at",
            "reverted_at",
            "result_outstanding_balance",
            "affected_loan_principal",
            "affected_loan_interest",
            "affected_loan_fee",
            "result_loan_status",
            "statement",
            "loan__id",
            "loan__created",
            "loan__updated",
            "loan__application",
            "loan__end_user",
            "loan__amount",
            "loan__interest_rate",
            "loan__installments",
            "loan__grace_instalments",
            "loan__principal_repayment_grace",
            "loan__arrears_tolerance",
            "loan__status",
            "loan__principal",
            "loan__interest",
            "loan__fee",
            "loan__pending_principal",
            "loan__pending_interest",
            "loan__pending_fee",
            "loan__last_transaction",
            "loan__close_substatus",
            "loan__close_reason",
            "loan__business_days_in_period",
            "loan__end_user__id",
            "loan__end_user__created",
            "loan__end_user__updated",
            "loan__end_user__first_name",
            "loan__end_user__last_name",
            "loan__end_user__birth_date",
            "loan__end_user__city",
            "loan__end_user__postal_code",
            "loan__end_user__country",
            "loan__end_user__bank_account_number",
            "loan__end_user__sort_code",
            "loan__end_user__mobile_number",
            "loan__end_user__email",
            "loan__application__id",
            "loan__application__created",
            "loan__application__updated",
            "loan__application__status",
            "loan__application__product",
            "loan__application__end_user",
            "loan__application__amount",
            "loan__application__installments",
            "loan__application__rate",
            "loan__application__reason",
            "loan__application__processing_finished_at");
    assertThat(names)
        .contains(
            "loan__end_user__birth_date__day__in",
            "loan__application__processing_finished_at__month__gte",
            "reverted_at__year__lte",
            "idempotency_key__icontains",
            "statement__in");
  }

  @Test
  void unusableParametersAreFieldViolations() {
    assertThat(
            fieldViolations(
                () ->
                    lender.list(
                        "amount__gt", "lots",
                        "loan", "42",
                        "type__gt", "fee",
                        "sort", "colour")))
        .containsEntry("amount__gt", "Enter a number.")
        .containsEntry("loan", "Enter a valid UUID.")
        .containsEntry(
            "type__gt",
            "Unknown lookup \"gt\" for type. Allowed: type, type__iexact, type__contains,"
                + " type__icontains, type__in.")
        .hasSize(4);
  }
}
