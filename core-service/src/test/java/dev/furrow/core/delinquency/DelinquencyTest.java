package dev.furrow.core.delinquency;

import static dev.furrow.core.LoanOpening.fee;
import static dev.furrow.core.cob.Books.close;
import static dev.furrow.core.cob.Books.footprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.cob.Books;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanDelinquency;
import dev.furrow.proto.lending.v1.PortfolioAtRisk;
import dev.furrow.proto.lending.v1.PortfolioAtRiskGroup;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessResponse;
import dev.furrow.proto.lending.v1.Transaction;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Late, arrears and default through close of business, with event fees charged exactly once, and
 * recovery by payment. Four loans of 1,200.00 at 12% over 12 months, disbursed on 15 January 2026
 * (first due date 15 February: 100.00 principal, 12.23 interest), under a product with an arrears
 * tolerance of 3 days, a 1% and a 250.00 arrears fee and a 1,000.00 default fee; default after 30
 * days in arrears. Dates are closed in the order of the methods.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelinquencyTest {
  @RegisterExtension
  static final CoreHarness core =
      new CoreHarness(
          config ->
              config.withCloseOfBusiness(
                  new CoreConfig.CloseOfBusinessSettings(
                      false, CoreConfig.CloseOfBusinessSettings.UNSCHEDULED.runAt(), 30, 2, 3)));

  private static Books books;
  private static Loan neverPays;
  private static Loan recovers;
  private static Loan manualArrears;
  private static Loan manualDefault;

  @BeforeAll
  static void loans() {
    books = Books.newPartner(core, "delinquency");
    Product product =
        books.product(
            p -> p.setArrearsTolerance(3),
            fee("Arrears fee", "percent", "1", "arrears"),
            fee("Arrears letter", "flat", "250.00", "arrears"),
            fee("Default fee", "flat", "1000.00", "default"));
    neverPays = open(product);
    recovers = open(product);
    manualArrears = open(product);
    manualDefault = open(product);
    close(core, "2026-01-15");
    books.makeArrears(manualArrears);
    books.makeDefault(manualDefault);
  }

  private static Loan open(Product product) {
    Loan loan = books.openLoan(product, "1200");
    books.post(loan, "disbursement", "1200.00", "2026-01-15");
    return loan;
  }

  @Test
  @Order(1)
  void statusesSetByThePartnerStayAndTheirEventFeesAreChargedOnce() {
    close(core, "2026-02-10");

    // Arrears fees at the close of 16 January: 1% of 1200.00 + 0.78 interest (2 days) = 12.0078.
    assertThat(books.loan(manualArrears).getStatus()).isEqualTo("in_arrears");
    assertThat(books.fees(manualArrears))
        .containsExactly("Arrears fee 12.01 applied", "Arrears letter 250.00 applied");
    assertThat(books.loan(manualDefault).getStatus()).isEqualTo("default");
    assertThat(books.fees(manualDefault)).containsExactly("Default fee 1000.00 applied");
    assertThat(books.loan(manualArrears).getPendingFee()).isEqualTo("262.01");
  }

  @Test
  @Order(2)
  void anInstalmentFallingDueTomorrowIsPendingButNotOverdue() {
    close(core, "2026-02-14");

    Loan loan = books.loan(neverPays);
    assertThat(loan.getStatus()).isEqualTo("active");
    assertThat(loan.getPendingPrincipal()).isEqualTo("100.00");
    // 31 days of 0.3945205479 = 12.2301369849: 12.23 accrued, as the schedule asks.
    assertThat(loan.getInterest()).isEqualTo("12.23");
    assertThat(loan.getPendingInterest()).isEqualTo("12.23");
    assertThat(books.delinquency(neverPays).getDaysPastDue()).isZero();
  }

  @Test
  @Order(3)
  void anUnpaidInstalmentMakesTheLoanLateTheDayAfterItsDueDate() {
    close(core, "2026-02-15");

    assertThat(books.loan(neverPays).getStatus()).isEqualTo("late");
    LoanDelinquency d = books.delinquency(neverPays);
    assertThat(d.getDaysPastDue()).isEqualTo(1);
    assertThat(d.getAgeingBucket()).isEqualTo("1-30");
    assertThat(d.getOverdueSince()).isEqualTo("2026-02-15");
    assertThat(d.getOverduePrincipal()).isEqualTo("100.00");
    assertThat(d.getOverdueInterest()).isEqualTo("12.23");
    assertThat(d.getBusinessDate()).isEqualTo("2026-02-16");
    assertThat(books.schedule(neverPays).getInstalments(0).getStatus()).isEqualTo("overdue");
  }

  @Test
  @Order(4)
  void payingWhatIsOverdueMakesALateLoanActiveAndARevertMakesItLateAgain() {
    assertThat(books.loan(recovers).getStatus()).isEqualTo("late");

    Transaction repayment = books.post(recovers, "repayment", "112.23", "2026-02-16");

    Loan loan = books.loan(recovers);
    assertThat(loan.getStatus()).isEqualTo("active");
    assertThat(loan.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(loan.getPendingInterest()).isEqualTo("0.00");
    assertThat(books.delinquency(recovers).getDaysPastDue()).isZero();
    assertThat(books.delinquency(recovers).getAgeingBucket()).isEqualTo("current");
    assertThat(resultStatus(repayment)).isEqualTo("active");

    books.revert(repayment);
    assertThat(books.loan(recovers).getStatus()).isEqualTo("late");
    assertThat(books.delinquency(recovers).getDaysPastDue()).isEqualTo(1);

    books.post(recovers, "repayment", "112.23", "2026-02-16");
    assertThat(books.loan(recovers).getStatus()).isEqualTo("active");
    assertThat(books.schedule(recovers).getInstalments(0).getStatus()).isEqualTo("paid");
  }

  @Test
  @Order(5)
  void lateBeyondTheToleranceIsInArrearsWithTheArrearsFeesOnce() {
    close(core, "2026-02-17");
    assertThat(books.loan(neverPays).getStatus()).isEqualTo("late");
    assertThat(books.fees(neverPays)).isEmpty();

    close(core, "2026-02-18");

    // 35 days of interest: 13.80; 1% of 1213.80 = 12.138 -> 12.14; then the flat 250.00.
    assertThat(books.loan(neverPays).getStatus()).isEqualTo("in_arrears");
    assertThat(books.fees(neverPays))
        .containsExactly("Arrears fee 12.14 applied", "Arrears letter 250.00 applied");
    assertThat(books.loan(neverPays).getFee()).isEqualTo("262.14");
    assertThat(books.fees(manualArrears)).hasSize(2);
    assertThat(books.delinquency(neverPays).getDaysPastDue()).isEqualTo(4);
  }

  @Test
  @Order(6)
  void portfolioAtRiskWeighsTheOutstandingPrincipalOfLoansPastDue() {
    PortfolioAtRisk par = books.portfolioAtRisk();

    assertThat(par.getBusinessDate()).isEqualTo("2026-02-19");
    // 4 days past due: 1200.00 × 3 (one is in default); current: 1100.00.
    PortfolioAtRiskGroup ngn = par.getByCurrency(0);
    assertThat(par.getByCurrencyCount()).isEqualTo(1);
    assertThat(ngn.getCurrency()).isEqualTo("NGN");
    assertThat(ngn.hasProduct()).isFalse();
    assertThat(ngn.getLoans()).isEqualTo(4);
    assertThat(ngn.getOutstandingPrincipal()).isEqualTo("4700.00");
    assertThat(ngn.getPar1Principal()).isEqualTo("3600.00");
    assertThat(ngn.getPar1Loans()).isEqualTo(3);
    assertThat(ngn.getPar1()).isEqualTo("0.7660");
    assertThat(ngn.getPar30()).isEqualTo("0.0000");
    assertThat(ngn.getPar90()).isEqualTo("0.0000");
    assertThat(par.getByProductCount()).isEqualTo(1);
    assertThat(par.getByProduct(0).getPar1()).isEqualTo("0.7660");
    assertThat(par.getByProduct(0).getProduct()).isNotEmpty();
  }

  @Test
  @Order(7)
  void thirtyDaysInArrearsIsDefaultWithTheDefaultFeeOnce() {
    RunCloseOfBusinessResponse response = close(core, "2026-03-19");
    assertThat(response.getRunsCount()).isEqualTo(29);

    // 15 February to 20 March: 33 days past due, 30 of them in arrears.
    assertThat(books.loan(neverPays).getStatus()).isEqualTo("default");
    assertThat(books.delinquency(neverPays).getDaysPastDue()).isEqualTo(33);
    assertThat(books.delinquency(neverPays).getAgeingBucket()).isEqualTo("31-60");
    assertThat(books.fees(neverPays))
        .containsExactly(
            "Arrears fee 12.14 applied",
            "Arrears letter 250.00 applied",
            "Default fee 1000.00 applied");
    assertThat(books.loan(manualArrears).getStatus()).isEqualTo("default");
    assertThat(books.fees(manualArrears))
        .containsExactly(
            "Arrears fee 12.01 applied",
            "Arrears letter 250.00 applied",
            "Default fee 1000.00 applied");
    assertThat(books.fees(manualDefault)).containsExactly("Default fee 1000.00 applied");
    // The recovered loan missed 15 March: in arrears since the 18th. 1100.00 + 11.62 interest
    // (0.39 left of February, 11.23 since): 1% = 11.1162 -> 11.12.
    assertThat(books.loan(recovers).getStatus()).isEqualTo("in_arrears");
    assertThat(books.fees(recovers))
        .containsExactly("Arrears fee 11.12 applied", "Arrears letter 250.00 applied");
  }

  @Test
  @Order(8)
  void closingTheSameDateAgainChangesNothing() {
    Map<String, Object> before = footprint(core);

    RunCloseOfBusinessResponse again = close(core, "2026-03-19");

    assertThat(again.getAlreadyClosed()).isTrue();
    assertThat(footprint(core)).isEqualTo(before);
  }

  @Test
  @Order(9)
  void aSecondArrearsEpisodeAfterRecoveryChargesNoFeesAgain() {
    Loan loan = books.loan(recovers);
    BigDecimal due =
        new BigDecimal(loan.getPendingPrincipal())
            .add(new BigDecimal(loan.getPendingInterest()))
            .add(new BigDecimal(loan.getPendingFee()));
    // Instalment 2: 100.00 + 10.13 interest; the fees 11.12 + 250.00.
    assertThat(due).isEqualByComparingTo("371.25");

    books.post(recovers, "repayment", due.toPlainString(), "2026-03-20");
    assertThat(books.loan(recovers).getStatus()).isEqualTo("active");

    close(core, "2026-04-18");

    assertThat(books.loan(recovers).getStatus()).isEqualTo("in_arrears");
    assertThat(books.delinquency(recovers).getDaysPastDue()).isEqualTo(4);
    assertThat(books.fees(recovers)).hasSize(2);
  }

  @Test
  @Order(10)
  void everyLedgerStillMatchesItsLoan() {
    for (Loan loan : new Loan[] {neverPays, recovers, manualArrears, manualDefault}) {
      assertThat(books.ledger(loan).getConsistent()).as(loan.getId()).isTrue();
    }
  }

  private static String resultStatus(Transaction t) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT result_loan_status FROM loan_transaction WHERE id = :id")
                    .bind("id", UUID.fromString(t.getId()))
                    .mapTo(String.class)
                    .one());
  }
}
