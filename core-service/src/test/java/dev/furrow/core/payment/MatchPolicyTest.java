package dev.furrow.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.payment.MatchPolicy.Matched;
import dev.furrow.core.payment.MatchPolicy.Unmatched;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchPolicyTest {
  private final MatchPolicy policy = new MatchPolicy();

  private final MatchPolicy.Contracts contracts =
      new MatchPolicy.Contracts() {
        @Override
        public Optional<Long> byLoanId(String loanId) {
          return Optional.ofNullable(Map.of("L-1", 1001L, "L-2", 1002L).get(loanId));
        }

        @Override
        public Optional<Long> byInvoiceNumber(String number) {
          return Optional.ofNullable(Map.of("INV-1", 1001L, "INV-2", 1002L).get(number));
        }

        @Override
        public List<Long> openByCustomer(String name) {
          return Map.of("Musa Bello", List.of(1001L), "Ada Obi", List.of(1002L, 1003L))
              .getOrDefault(name, List.of());
        }
      };

  private static ReportedPayment report(String name, String loanId, String invoice) {
    Instant t = Instant.parse("2026-11-20T09:00:00Z");
    return new ReportedPayment(name, new BigDecimal("10.00"), "T-1", t, t, loanId, invoice);
  }

  @Test
  void anExplicitReferenceDecides() {
    assertThat(policy.match(report("Ada Obi", "L-1", null), contracts))
        .isEqualTo(new Matched(1001L, MatchMethod.LOAN_ID));
    assertThat(policy.match(report("Ada Obi", null, "INV-2"), contracts))
        .isEqualTo(new Matched(1002L, MatchMethod.INVOICE_NUMBER));
    assertThat(policy.match(report("Ada Obi", "L-2", "INV-2"), contracts))
        .isEqualTo(new Matched(1002L, MatchMethod.LOAN_ID));
  }

  @Test
  void anUnknownReferenceIsUnmatchedEvenWhenTheNameWouldMatch() {
    assertThat(policy.match(report("Musa Bello", "L-9", null), contracts))
        .isEqualTo(new Unmatched("no contract with loan_id 'L-9'"));
    assertThat(policy.match(report("Musa Bello", null, "INV-9"), contracts))
        .isEqualTo(new Unmatched("no invoice 'INV-9'"));
    assertThat(policy.match(report("Musa Bello", "L-1", "INV-2"), contracts))
        .isEqualTo(
            new Unmatched("loan_id 'L-1' and invoice 'INV-2' belong to different contracts"));
  }

  @Test
  void withoutAReferenceTheNameMustMatchExactlyOneOpenContract() {
    assertThat(policy.match(report("Musa Bello", null, null), contracts))
        .isEqualTo(new Matched(1001L, MatchMethod.CUSTOMER_NAME));
    assertThat(policy.match(report("Ada Obi", null, null), contracts))
        .isEqualTo(new Unmatched("2 open contracts match customer 'Ada Obi'"));
    assertThat(policy.match(report("Nobody", null, null), contracts))
        .isEqualTo(new Unmatched("no open contract for customer 'Nobody'"));
  }
}
