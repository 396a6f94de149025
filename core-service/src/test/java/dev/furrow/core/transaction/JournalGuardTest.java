package dev.furrow.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.Loan;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the database itself refuses, whatever a writer does. */
class JournalGuardTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  void anUnbalancedEntryIsRefusedAndWrittenLinesNeverChange() {
    Lender lender = Lender.newPartner(core, "journal-guard");
    Loan loan = lender.openLoan(lender.product(), "1000");
    lender.disburse(loan, "1000");
    Jdbi jdbi = core.server().jdbi();

    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      UUID entry =
                          h.createQuery(
                                  "INSERT INTO journal_entry (partner_id, loan_id, currency,"
                                      + " posted_at) VALUES (:partner, :loan, 'NGN', now())"
                                      + " RETURNING id")
                              .bind("partner", lender.partnerId)
                              .bind("loan", UUID.fromString(loan.getId()))
                              .mapTo(UUID.class)
                              .one();
                      h.createUpdate(
                              "INSERT INTO journal_line (entry_id, position, account, debit,"
                                  + " credit) VALUES (:entry, 0, 'loss', 5, 0),"
                                  + " (:entry, 1, 'cash_settlement', 0, 4)")
                          .bind("entry", entry)
                          .execute();
                    }))
        .rootCause()
        .hasMessageContaining("is not balanced");
    // A line added later to a balanced entry unbalances it: refused too.
    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h ->
                        h.execute(
                            "INSERT INTO journal_line (entry_id, position, account, debit, credit)"
                                + " SELECT id, 99, 'loss', 1, 0 FROM journal_entry"
                                + " WHERE loan_id = ?",
                            UUID.fromString(loan.getId()))))
        .rootCause()
        .hasMessageContaining("is not balanced");
    assertThatThrownBy(
            () -> jdbi.useHandle(h -> h.execute("UPDATE journal_line SET debit = debit + 1")))
        .hasMessageContaining("journal_line is append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("DELETE FROM journal_entry")))
        .hasMessageContaining("journal_entry is append-only");
    assertThat(lender.assertLedgerConsistent(loan).getEntries()).isEqualTo(1);
  }

  @Test
  void aLineOfNoEntryAnEntryOfAnotherPartnersLoanAndDeletingALoanWithEntriesAreRefused() {
    Lender lender = Lender.newPartner(core, "journal-keys");
    Lender other = Lender.newPartner(core, "journal-keys-other");
    Loan loan = lender.openLoan(lender.product(), "1000");
    lender.disburse(loan, "1000");
    UUID loanId = UUID.fromString(loan.getId());
    Jdbi jdbi = core.server().jdbi();

    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h ->
                        h.execute(
                            "INSERT INTO journal_line (entry_id, position, account, debit, credit)"
                                + " VALUES ('00000000-0000-7000-8000-000000000001', 0, 'loss', 5,"
                                + " 0), ('00000000-0000-7000-8000-000000000001', 1,"
                                + " 'cash_settlement', 0, 5)")))
        .rootCause()
        .hasMessageContaining(
            "journal line of entry 00000000-0000-7000-8000-000000000001 names no journal entry");
    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h ->
                        h.execute(
                            "INSERT INTO journal_entry (partner_id, loan_id, currency, posted_at)"
                                + " VALUES (?, ?, 'NGN', now())",
                            other.partnerId,
                            loanId)))
        .rootCause()
        .hasMessageContaining("journal entry names no loan of its partner");
    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h ->
                        h.execute(
                            "INSERT INTO journal_entry (partner_id, loan_id, currency, posted_at)"
                                + " VALUES (?, gen_random_uuid(), 'NGN', now())",
                            lender.partnerId)))
        .rootCause()
        .hasMessageContaining("journal entry names no loan of its partner");
    assertThatThrownBy(
            () -> jdbi.useHandle(h -> h.execute("DELETE FROM loan WHERE id = ?", loanId)))
        .rootCause()
        .hasMessageContaining("loan " + loanId + " has journal entries");
    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h ->
                        h.execute(
                            "UPDATE loan SET partner_id = ? WHERE id = ?",
                            other.partnerId,
                            loanId)))
        .rootCause()
        .hasMessageContaining("loan " + loanId + " has journal entries");
    assertThat(lender.assertLedgerConsistent(loan).getEntries()).isEqualTo(1);
  }
}
