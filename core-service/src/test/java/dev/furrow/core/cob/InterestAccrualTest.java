package dev.furrow.core.cob;

import static dev.furrow.core.cob.Books.close;
import static dev.furrow.core.cob.Books.footprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.CloseOfBusinessRun;
import dev.furrow.proto.lending.v1.CloseOfBusinessStepRun;
import dev.furrow.proto.lending.v1.HolidayAdminServiceGrpc;
import dev.furrow.proto.lending.v1.HolidayInput;
import dev.furrow.proto.lending.v1.LedgerAccountBalance;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ReplaceHolidaysRequest;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessResponse;
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
 * Daily accrual over January 2026 through the operator's close of business: 100,000.00 at 18.25%
 * accrues exactly 50.00 a day (100000 × 18.25 / 36500), and its product skips holidays. The dates
 * are closed in the order of the methods (one business date per database).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterestAccrualTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static Books books;
  private static Loan fifty;
  private static Loan fractional;
  private static Loan stoppedThroughout;

  @BeforeAll
  static void loans() {
    core.asOperator(HolidayAdminServiceGrpc.newBlockingStub(core.channel()))
        .replaceHolidays(
            ReplaceHolidaysRequest.newBuilder()
                .setCountry("NG")
                .setYear(2026)
                .addHolidays(HolidayInput.newBuilder().setDate("2026-01-20").setName("Holiday"))
                .build());
    books = Books.newPartner(core, "accrual");
    Product noHolidayInterest =
        books.product(p -> p.setDefaultInterestRate("18.25").setCalculateInterestOnHolidays(false));
    Product everyDay = books.product(p -> p);
    fifty = books.openLoan(noHolidayInterest, "100000");
    books.post(fifty, "disbursement", "100000.00", "2026-01-01");
    fractional = books.openLoan(everyDay, "1000");
    books.post(fractional, "disbursement", "1000.00", "2026-01-01");
    stoppedThroughout = books.openLoan(everyDay, "1000");
    books.post(stoppedThroughout, "disbursement", "1000.00", "2026-01-01");
    books.stopInterest(stoppedThroughout);
  }

  @Test
  @Order(1)
  void theFirstCloseClosesOnlyTheDateAskedFor() {
    RunCloseOfBusinessResponse response = close(core, "2026-01-01");

    assertThat(response.getAlreadyClosed()).isFalse();
    assertThat(response.getMessage()).isEqualTo("Closed 1 date: 2026-01-01.");
    assertThat(response.getRunsList())
        .extracting(CloseOfBusinessRun::getBusinessDate)
        .containsExactly("2026-01-01");
    assertThat(response.getRuns(0).getStepsList())
        .extracting(CloseOfBusinessStepRun::getStep)
        .containsExactly(
            "accrue_interest",
            "age_instalments",
            "apply_delinquency",
            "run_billing_cycle",
            "generate_statements");
    // Two loans accrue: the stopped one does not. 50.00 + 0.32 (0.3287671232 posts 0.32).
    assertThat(response.getRuns(0).getSteps(0).getRows()).isEqualTo(2);
    assertThat(response.getRuns(0).getSteps(0).getAmount()).isEqualTo("50.32");
    assertThat(response.getBusinessDate().getBusinessDate()).isEqualTo("2026-01-02");
    assertThat(response.getBusinessDate().getLastClosedDate()).isEqualTo("2026-01-01");
    assertThat(books.loan(fifty).getInterest()).isEqualTo("50.00");
  }

  @Test
  @Order(2)
  void aLaterDateCatchesUpEveryMissedDateInOrder() {
    RunCloseOfBusinessResponse response = close(core, "2026-01-10");

    assertThat(response.getMessage()).isEqualTo("Closed 9 dates: 2026-01-02 to 2026-01-10.");
    assertThat(response.getRunsList())
        .extracting(CloseOfBusinessRun::getBusinessDate)
        .containsExactly(
            "2026-01-02",
            "2026-01-03",
            "2026-01-04",
            "2026-01-05",
            "2026-01-06",
            "2026-01-07",
            "2026-01-08",
            "2026-01-09",
            "2026-01-10");
    assertThat(books.loan(fifty).getInterest()).isEqualTo("500.00");
  }

  @Test
  @Order(3)
  void aMonthWithThreeStoppedDaysAndAHolidayAccruesTwentySixDays() {
    books.stopInterest(fifty);
    close(core, "2026-01-13");
    assertThat(books.loan(fifty).getInterest()).isEqualTo("500.00");
    books.startInterest(fifty);

    RunCloseOfBusinessResponse response = close(core, "2026-01-30");

    // 14 to 30 January: 17 days, less the holiday on the 20th.
    assertThat(response.getRunsCount()).isEqualTo(17);
    Loan loan = books.loan(fifty);
    assertThat(loan.getInterest()).isEqualTo("1300.00");
    assertThat(loan.getPrincipal()).isEqualTo("100000.00");
    assertThat(unposted(fifty)).isEqualByComparingTo("0");
    LedgerCheck ledger = books.ledger(fifty);
    assertThat(ledger.getConsistent()).isTrue();
    assertThat(ledger.getEntries()).isEqualTo(1 + 26);
    assertThat(ledger.getAccountsList())
        .filteredOn(a -> a.getAccount().equals("interest_income"))
        .extracting(LedgerAccountBalance::getBalance)
        .containsExactly("1300.00");
  }

  @Test
  @Order(4)
  void fractionsOfACentAreCarriedNotLost() {
    // 1000.00 × 12 / 36500 = 0.3287671232 a day (truncated to 10 places); 30 days = 9.863013696:
    // 9.86 posted, 0.003013696 carried.
    assertThat(books.loan(fractional).getInterest()).isEqualTo("9.86");
    assertThat(unposted(fractional)).isEqualByComparingTo("0.0030136960");
    assertThat(books.ledger(fractional).getConsistent()).isTrue();
  }

  @Test
  @Order(5)
  void aLoanWithInterestStoppedAccruesNothing() {
    assertThat(books.loan(stoppedThroughout).getInterest()).isEqualTo("0.00");
    assertThat(books.ledger(stoppedThroughout).getEntries()).isEqualTo(1);
  }

  @Test
  @Order(6)
  void theScheduleCountsTheSameDaysAsTheAccrual() {
    // 1 January to 1 February: 31 days less the holiday = 30 days × 50.00.
    assertThat(books.schedule(fifty).getInstalments(0).getInterest()).isEqualTo("1500.00");
  }

  @Test
  @Order(7)
  void closingAClosedDateAgainChangesNothing() {
    Map<String, Object> before = footprint(core);

    RunCloseOfBusinessResponse again = close(core, "2026-01-30");
    RunCloseOfBusinessResponse earlier = close(core, "2026-01-05");

    assertThat(again.getAlreadyClosed()).isTrue();
    assertThat(again.getMessage()).isEqualTo("2026-01-30 is already closed.");
    assertThat(again.getRunsList()).isEmpty();
    assertThat(again.getBusinessDate().getBusinessDate()).isEqualTo("2026-01-31");
    assertThat(earlier.getAlreadyClosed()).isTrue();
    assertThat(footprint(core)).isEqualTo(before);
  }

  private static BigDecimal unposted(Loan loan) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT accrued_interest_unposted FROM loan WHERE id = :id")
                    .bind("id", UUID.fromString(loan.getId()))
                    .mapTo(BigDecimal.class)
                    .one());
  }
}
