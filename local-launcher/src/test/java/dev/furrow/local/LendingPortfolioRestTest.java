package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import dev.furrow.proto.partner.v1.ApiFace;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two portfolio reads over REST, after closes of business up to 15 May 2026 (open business date
 * 16 May). Loans of 12 monthly instalments at 12%, equal principal, disbursed on 15 January 2026:
 * the instalments ask 12.23, 10.13, 10.19 and 8.88 interest on 1200.00 (31, 28, 31 and 30 days on
 * 1200, 1100, 1000 and 900). {@code neverPays} (NGN) and {@code kes} (KES, 2400.00) pay nothing: 90
 * days past due on 16 May, in default after 90 days in arrears; {@code paidFirst} (NGN) paid the
 * first instalment on 15 February: 62 days past due, in arrears; {@code current} (NGN) was
 * disbursed today, after the closes.
 */
class LendingPortfolioRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  private static final String LOANS = "/api/v1/loans/loan/";
  private static final String TRANSACTIONS = "/api/v1/transactions/transaction/";
  private static final String AT_RISK = "/api/v1/portfolio/at-risk/";

  private static final String TERM_LOAN =
      """
      {"type": "term_loan", "name": "Tractor term loan %s", "currency": "%s",
       "max_loan_amount": "5000000", "max_interest_rate": "24", "default_interest_rate": "12",
       "installments": 12, "interest_calculation": "equal_principal",
       "early_repayment_recalculation": "from_last_instalment",
       "calculate_interest_on_holidays": true}
      """;

  private static Partner partner;
  private static String ngnProduct;
  private static String kesProduct;
  private static String neverPays;
  private static String paidFirst;
  private static String kes;
  private static String current;

  @BeforeAll
  static void book() {
    partner = system.newPartner();
    ngnProduct = product("NGN");
    kesProduct = product("KES");
    neverPays = openLoan(ngnProduct, "1200");
    paidFirst = openLoan(ngnProduct, "1200");
    kes = openLoan(kesProduct, "2400");
    for (String loan : new String[] {neverPays, paidFirst, kes}) {
      post(loan, "disbursement", loan.equals(kes) ? "2400.00" : "1200.00", "2026-01-15");
    }
    system.closeBusinessDate("2026-01-15");
    system.closeBusinessDate("2026-02-14");
    post(paidFirst, "repayment", "112.23", "2026-02-15");
    system.closeBusinessDate("2026-05-15");
    current = openLoan(ngnProduct, "1200");
    post(current, "disbursement", "1200.00", null);
  }

  private static String product(String currency) {
    return partner.publishedProduct(TERM_LOAN.formatted(UUID.randomUUID(), currency));
  }

  private static String openLoan(String product, String amount) {
    return partner.openLoan(product, amount, "12");
  }

  /** Posts the transaction, moved to {@code day} unless null (then it stays today). */
  private static void post(String loan, String type, String amount, String day) {
    final JsonNode t =
        partner.create(
            TRANSACTIONS,
            """
            {"loan": "%s", "type": "%s", "amount": "%s", "idempotency_key": "%s"}
            """
                .formatted(loan, type, amount, UUID.randomUUID()));
    if (day != null) {
      system.backdate(loan, t.get("id").asText(), day);
    }
  }

  @Test
  void aLoanNinetyDaysPastDueShowsItsOverdueInstalmentsInDefault() {
    final Reply reply = partner.get(LOANS + neverPays + "/delinquency/");

    assertThat(reply.status()).isEqualTo(200);
    // Instalments 1 to 4 (due 15 February to 15 May): 400.00 principal, 12.23 + 10.13 + 10.19 +
    // 8.88 interest.
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"loan": "%s", "status": "default", "days_past_due": 90,
                 "ageing_bucket": "61-90", "overdue_since": "2026-02-15",
                 "overdue_principal": "400.00", "overdue_interest": "41.43",
                 "overdue_fee": "0.00", "business_date": "2026-05-16"}
                """
                    .formatted(neverPays)));
  }

  @Test
  void aLoanThatPaidItsFirstInstalmentIsPastDueFromTheSecond() {
    assertThat(partner.get(LOANS + paidFirst + "/delinquency/").json())
        .isEqualTo(
            json(
                """
                {"loan": "%s", "status": "in_arrears", "days_past_due": 62,
                 "ageing_bucket": "61-90", "overdue_since": "2026-03-15",
                 "overdue_principal": "300.00", "overdue_interest": "29.20",
                 "overdue_fee": "0.00", "business_date": "2026-05-16"}
                """
                    .formatted(paidFirst)));
  }

  @Test
  void aCurrentLoanHasNothingOverdueAndNoOverdueSince() {
    assertThat(partner.get(LOANS + current + "/delinquency/").json())
        .isEqualTo(
            json(
                """
                {"loan": "%s", "status": "active", "days_past_due": 0,
                 "ageing_bucket": "current", "overdue_since": null,
                 "overdue_principal": "0.00", "overdue_interest": "0.00",
                 "overdue_fee": "0.00", "business_date": "2026-05-16"}
                """
                    .formatted(current)));
  }

  @Test
  void portfolioAtRiskWeighsTheOutstandingPrincipalPerCurrencyAndProduct() {
    final Reply reply = partner.get(AT_RISK);

    assertThat(reply.status()).isEqualTo(200);
    // NGN: 3500.00 outstanding; 2300.00 (1200.00 + 1100.00) 1 and 30 days past due, 1200.00 90
    // days: 0.6571 and 0.3429. KES: its one loan, 90 days past due.
    final String kesGroup =
        """
        {"currency": "KES", "product": %s, "loans": 1, "outstanding_principal": "2400.00",
         "par1_principal": "2400.00", "par30_principal": "2400.00", "par90_principal": "2400.00",
         "par1": "1.0000", "par30": "1.0000", "par90": "1.0000",
         "par1_loans": 1, "par30_loans": 1, "par90_loans": 1}
        """;
    final String ngnGroup =
        """
        {"currency": "NGN", "product": %s, "loans": 3, "outstanding_principal": "3500.00",
         "par1_principal": "2300.00", "par30_principal": "2300.00", "par90_principal": "1200.00",
         "par1": "0.6571", "par30": "0.6571", "par90": "0.3429",
         "par1_loans": 2, "par30_loans": 2, "par90_loans": 1}
        """;
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"business_date": "2026-05-16", "by_currency": [%s, %s], "by_product": [%s, %s]}
                """
                    .formatted(
                        kesGroup.formatted("null"),
                        ngnGroup.formatted("null"),
                        kesGroup.formatted("\"" + kesProduct + "\""),
                        ngnGroup.formatted("\"" + ngnProduct + "\""))));
  }

  @Test
  void anotherPartnerSeesNoneOfTheseLoans() {
    final Partner other = system.newPartner();

    assertThat(other.get(AT_RISK).json())
        .isEqualTo(
            json(
                """
                {"business_date": "2026-05-16", "by_currency": [], "by_product": []}
                """));
    final Reply foreign = other.get(LOANS + neverPays + "/delinquency/");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json()).isEqualTo(json("{\"detail\": \"Not found.\"}"));
    final Reply notAUuid = other.get(LOANS + "not-a-uuid/delinquency/");
    assertThat(notAUuid.status()).isEqualTo(404);
    assertThat(notAUuid.json()).isEqualTo(json("{\"detail\": \"Not found.\"}"));
  }

  @Test
  void bothReadsNeedALendingKeyAndTakeOnlyGet() {
    final Reply anonymous = system.call("GET", AT_RISK, null, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json())
        .isEqualTo(json("{\"detail\": \"Authentication credentials were not provided.\"}"));
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Api-Key");

    final String paygKey = system.issue(partner.id, ApiFace.API_FACE_PAYG);
    final Reply payg = system.call("GET", LOANS + neverPays + "/delinquency/", paygKey, null);
    assertThat(payg.status()).isEqualTo(401);
    assertThat(payg.json()).isEqualTo(json("{\"detail\": \"Invalid API key.\"}"));

    final Reply post = partner.post(AT_RISK, "{}");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json()).isEqualTo(json("{\"detail\": \"Method \\\"POST\\\" not allowed.\"}"));
    assertThat(partner.delete(LOANS + neverPays + "/delinquency/").status()).isEqualTo(405);
  }
}
