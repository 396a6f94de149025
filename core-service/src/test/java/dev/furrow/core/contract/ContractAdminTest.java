package dev.furrow.core.contract;

import static dev.furrow.core.GrpcAssertions.assertStatus;
import static dev.furrow.core.GrpcAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.CreateContractRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceRequest;
import io.grpc.Status;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContractAdminTest {
  @RegisterExtension static final CoreHarness CORE = new CoreHarness();

  private static PaygContracts world;

  @BeforeAll
  static void setUp() {
    world = new PaygContracts(CORE);
    world.fundingSource("boa", "Bank of Agriculture");
  }

  private Map<String, Object> loanRow(String loanAccountId) {
    return CORE.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT l.status, l.amount, l.principal, l.interest, l.fee, l.interest_rate,"
                            + " l.partner_id, p.type AS product_type, a.status AS app_status,"
                            + " e.first_name, e.last_name"
                            + " FROM loan l JOIN product p ON p.id = l.product_id"
                            + " JOIN application a ON a.id = l.application_id"
                            + " JOIN end_user e ON e.id = l.end_user_id"
                            + " WHERE l.id = CAST(:id AS uuid)")
                    .bind("id", loanAccountId)
                    .mapToMap()
                    .one());
  }

  @Test
  void createContractOpensADisbursedLoanWhoseOutstandingIsTheTotalRepaymentAmount() {
    Contract c = world.create(world.request("LOAN-MONEY-1"));

    assertThat(c.getStatus()).isEqualTo("CURRENT");
    assertThat(c.getEquipmentCost()).isEqualTo("1500000.00");
    assertThat(c.getPrincipalAmount()).isEqualTo("300000.00");
    assertThat(c.getTotalRepaymentAmount()).isEqualTo("2000000.00");
    assertThat(c.getRemainingContractValue()).isEqualTo("2000000.00");
    assertThat(c.getMinimumWeeklyPayment()).isEqualTo("0.00");
    assertThat(c.getCreditBalance()).isEqualTo("0.00");
    assertThat(c.getTimeZone()).isEqualTo("UTC");
    assertThat(c.getId()).isGreaterThanOrEqualTo(1001);

    Map<String, Object> loan = loanRow(c.getLoanAccountId());
    assertThat(loan.get("status")).isEqualTo("active");
    assertThat(loan.get("amount")).isEqualTo(new BigDecimal("1200000.00"));
    assertThat(loan.get("principal")).isEqualTo(new BigDecimal("1200000.00"));
    assertThat(loan.get("interest")).isEqualTo(new BigDecimal("0.00"));
    assertThat(loan.get("fee")).isEqualTo(new BigDecimal("800000.00"));
    assertThat(loan.get("interest_rate")).isEqualTo(new BigDecimal("0.0000"));
    assertThat(loan.get("partner_id")).isEqualTo(world.ownerId);
    assertThat(loan.get("product_type")).isEqualTo("pay_as_you_go");
    assertThat(loan.get("app_status")).isEqualTo("accepted");
    assertThat(loan.get("first_name")).isEqualTo("Amina");
    assertThat(loan.get("last_name")).isEqualTo("Okafor");

    LedgerCheck check =
        CORE.asOperator(LedgerAdminServiceGrpc.newBlockingStub(CORE.channel()))
            .checkLedger(CheckLedgerRequest.newBuilder().setLoan(c.getLoanAccountId()).build());
    assertThat(check.getBalancesMatch()).isTrue();
    assertThat(check.getBalanced()).isTrue();
    assertThat(check.getJournal().getOutstanding()).isEqualTo("2000000.00");
    assertThat(check.getJournal().getFee()).isEqualTo("800000.00");
  }

  @Test
  void everyRowOfAContractIsWrittenByOneDatabaseTransaction() {
    Contract c = world.create(world.request("LOAN-ATOMIC"));
    long writers =
        CORE.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(DISTINCT x) FROM ("
                                + " SELECT c.xmin::text AS x FROM contract c WHERE c.id = :id"
                                + " UNION ALL SELECT l.xmin::text FROM loan l"
                                + "   WHERE l.id = CAST(:loan AS uuid)"
                                + " UNION ALL SELECT a.xmin::text FROM application a"
                                + "   WHERE a.loan_id = CAST(:loan AS uuid)"
                                + " UNION ALL SELECT e.xmin::text FROM end_user e"
                                + "   JOIN loan l ON l.end_user_id = e.id"
                                + "   WHERE l.id = CAST(:loan AS uuid)"
                                + " UNION ALL SELECT t.xmin::text FROM loan_transaction t"
                                + "   WHERE t.loan_id = CAST(:loan AS uuid)) w")
                        .bind("id", c.getId())
                        .bind("loan", c.getLoanAccountId())
                        .mapTo(Long.class)
                        .one());
    assertThat(writers).isEqualTo(1);
  }

  @Test
  void noFinanceChargeWhenTheTotalEqualsTheFinancedAmount() {
    Contract c = world.create(world.request("LOAN-NOFEE").setTotalRepaymentAmount("1200000"));
    Map<String, Object> loan = loanRow(c.getLoanAccountId());
    assertThat(loan.get("fee")).isEqualTo(new BigDecimal("0.00"));
    assertThat(loan.get("principal")).isEqualTo(new BigDecimal("1200000.00"));
    assertThat(c.getRemainingContractValue()).isEqualTo("1200000.00");
  }

  @Test
  void contractsOfOneOwnerAndCurrencyShareOneProduct() {
    Contract a = world.create(world.request("LOAN-PROD-A"));
    Contract b = world.create(world.request("LOAN-PROD-B"));
    long products =
        CORE.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(DISTINCT l.product_id) FROM loan l"
                                + " WHERE l.id IN (CAST(:a AS uuid), CAST(:b AS uuid))")
                        .bind("a", a.getLoanAccountId())
                        .bind("b", b.getLoanAccountId())
                        .mapTo(Long.class)
                        .one());
    assertThat(products).isEqualTo(1);
  }

  @Test
  void retryingTheSameCreateReturnsTheContractWithoutASecondLoan() {
    CreateContractRequest.Builder request = world.request("LOAN-IDEM");
    Contract first = world.create(request);
    Contract again = world.create(request);
    assertThat(again).isEqualTo(first);
    long loans =
        CORE.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM application WHERE reason LIKE '%LOAN-IDEM.'")
                        .mapTo(Long.class)
                        .one());
    assertThat(loans).isEqualTo(1);
  }

  @Test
  void aDifferentCreateWithAUsedLoanIdIsAlreadyExists() {
    CreateContractRequest.Builder request = world.request("LOAN-DUP");
    world.create(request);
    assertStatus(
        () -> world.create(request.setName("Someone else")),
        Status.Code.ALREADY_EXISTS,
        "A different contract with loan_id LOAN-DUP exists.");
  }

  @Test
  void aTotalBelowTheFinancedAmountIsRefusedWithTheAmount() {
    assertThat(
            fieldViolations(
                () ->
                    world.create(world.request("LOAN-LOW").setTotalRepaymentAmount("1199999.99"))))
        .containsExactly(
            Map.entry(
                "total_repayment_amount",
                "Ensure this value is greater than or equal to the financed amount"
                    + " (equipment_cost - principal_amount = 1200000.00)."));
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    assertThat(
            fieldViolations(
                () ->
                    world.create(
                        CreateContractRequest.newBuilder()
                            .setOwnerPartnerId(world.ownerId)
                            .setLoanId("LOAN-BAD")
                            .setName("x")
                            .setLoaner("y")
                            .setFundingSource("boa")
                            .setTractorId("TR-none")
                            .setEquipmentCost("abc")
                            .setPrincipalAmount("-1")
                            .setTotalRepaymentAmount("10.001")
                            .setRepaymentPerHectare("0")
                            .setCurrency("XYZ")
                            .setLoanStartDate("2025-02-30")
                            .setLoanEndDate("2025-01-01")
                            .setTimeZone("Mars/Base")
                            .setInvoiceDueDays(366))))
        .containsOnly(
            Map.entry("equipment_cost", "A valid number is required."),
            Map.entry("principal_amount", "Ensure this value is greater than or equal to 0."),
            Map.entry(
                "total_repayment_amount", "Ensure that there are no more than 2 decimal places."),
            Map.entry(
                "repayment_per_hectare", "Ensure this value is greater than or equal to 0.01."),
            Map.entry("currency", "\"XYZ\" is not a valid choice."),
            Map.entry(
                "loan_start_date",
                "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."),
            Map.entry("time_zone", "\"Mars/Base\" is not a valid IANA time zone."),
            Map.entry("invoice_due_days", "Ensure this value is less than or equal to 365."));
  }

  @Test
  void unknownReferencesAreFieldErrors() {
    assertThat(
            fieldViolations(
                () ->
                    world.create(
                        world.request("LOAN-REF").setFundingSource("nope").setTractorId("TR-x"))))
        .containsOnly(
            Map.entry("funding_source", "Invalid pk \"nope\" - object does not exist."),
            Map.entry("tractor_id", "Tractor TR-x is not registered for the owner partner."));
  }

  @Test
  void aTractorWithAnOpenContractCannotTakeAnother() {
    CreateContractRequest.Builder first = world.request("LOAN-TR-1");
    world.create(first);
    assertStatus(
        () -> world.create(world.request("LOAN-TR-2").setTractorId(first.getTractorId())),
        Status.Code.FAILED_PRECONDITION,
        "Tractor " + first.getTractorId() + " already has an open contract (LOAN-TR-1).");
  }

  @Test
  void grantingAnUnknownFundingSourceOrPartnerIsRefused() {
    assertThat(
            fieldViolations(
                () ->
                    world.admin.grantFundingSource(
                        GrantFundingSourceRequest.newBuilder()
                            .setPartnerId(999999)
                            .setFundingSource("nope")
                            .build())))
        .containsOnly(
            Map.entry("partner_id", "Invalid pk \"999999\" - object does not exist."),
            Map.entry("funding_source", "Invalid pk \"nope\" - object does not exist."));
  }
}
