package dev.furrow.core.ledger;

import dev.furrow.core.ledger.LedgerCheck.AccountBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQL for the journal. Postings are written inside the caller's database transaction (the one that
 * changes the loan), so a loan and its journal never disagree after a commit; the database refuses
 * an unbalanced entry at commit and any change to a written line.
 */
public final class LedgerRepository {
  private final Jdbi jdbi;

  public LedgerRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Writes {@code entry} for the loan within {@code h}'s transaction; {@code transactionId} is the
   * transaction (or reversal) it records.
   */
  public void post(
      Handle h,
      long partnerId,
      UUID loanId,
      @Nullable UUID transactionId,
      String currency,
      JournalEntry entry,
      Instant at) {
    List<JournalLine> lines = entry.lines();
    // One statement, so one round trip, for the entry and all its lines in their order. The lines
    // are rows of scalar parameters: entries have a handful, and the statement text per line count
    // is prepared once per connection.
    StringBuilder sql =
        new StringBuilder(
            "WITH entry AS (INSERT INTO journal_entry (partner_id, loan_id, transaction_id,"
                + " currency, posted_at) VALUES (:partner, :loan, CAST(:transaction AS uuid),"
                + " :currency, :at) RETURNING id)"
                + " INSERT INTO journal_line (entry_id, position, account, debit, credit)"
                + " SELECT entry.id, line.position, line.account, line.debit, line.credit"
                + " FROM entry, (VALUES ");
    sql.append(lineValues(lines.size()));
    Update insert =
        h.createUpdate(sql.toString())
            .bind("partner", partnerId)
            .bind("loan", loanId)
            .bind("transaction", transactionId)
            .bind("currency", currency)
            .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    for (int i = 0; i < lines.size(); i++) {
      JournalLine line = lines.get(i);
      insert
          .bind("account" + i, line.account().code())
          .bind("debit" + i, line.debit())
          .bind("credit" + i, line.credit());
    }
    insert.execute();
  }

  /**
   * {@link #post}'s writes as two {@code WITH} items ({@code entry}, {@code entry_lines}) of a
   * caller's statement, so a posting writes its transaction row, entry and loan in one round trip:
   * {@code transaction} is an SQL expression for the recorded transaction's id (a sub-select of an
   * earlier item). Binds {@code partner} and {@code loan} (the caller's), and what {@link
   * #bindEntry} binds. The balance is checked as for {@link #post}, at the end of the statement.
   */
  public static String entryItems(String transaction, int lineCount) {
    StringBuilder sql =
        new StringBuilder(
            "entry AS (INSERT INTO journal_entry (partner_id, loan_id, transaction_id,"
                + " currency, posted_at) VALUES (:partner, :loan, "
                + transaction
                + ", :currency, :at) RETURNING id),"
                + " entry_lines AS (INSERT INTO journal_line (entry_id, position, account, debit,"
                + " credit) SELECT entry.id, line.position, line.account, line.debit, line.credit"
                + " FROM entry, (VALUES ");
    return sql.append(lineValues(lineCount)).append(")").toString();
  }

  /**
   * The rows of an entry's lines after {@code FROM entry, (VALUES }: one row of parameters per line
   * ({@code :account<i>}, {@code :debit<i>}, {@code :credit<i>}), in their order.
   */
  private static String lineValues(int lineCount) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < lineCount; i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", CAST(:account")
          .append(i)
          .append(" AS text), CAST(:debit")
          .append(i)
          .append(" AS numeric), CAST(:credit")
          .append(i)
          .append(" AS numeric))");
    }
    return values
        .append(") AS line(position, account, debit, credit) ORDER BY line.position")
        .toString();
  }

  /** Binds {@link #entryItems}' own parameters: the entry's currency, time and lines. */
  public static <S extends SqlStatement<S>> S bindEntry(
      S statement, String currency, JournalEntry entry, Instant at) {
    statement.bind("currency", currency).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    List<JournalLine> lines = entry.lines();
    for (int i = 0; i < lines.size(); i++) {
      JournalLine line = lines.get(i);
      statement
          .bind("account" + i, line.account().code())
          .bind("debit" + i, line.debit())
          .bind("credit" + i, line.credit());
    }
    return statement;
  }

  /** The entry a transaction posted, lines in their order; empty for one that posted nothing. */
  public Optional<JournalEntry> entryOf(Handle h, UUID transactionId) {
    List<JournalLine> lines =
        h.createQuery(
                "SELECT jl.account, jl.debit, jl.credit FROM journal_line jl"
                    + " JOIN journal_entry je ON je.id = jl.entry_id"
                    + " WHERE je.transaction_id = :transaction ORDER BY jl.position")
            .bind("transaction", transactionId)
            .map(
                (rs, ctx) ->
                    new JournalLine(
                        LedgerAccount.byCode(rs.getString("account")).orElseThrow(),
                        rs.getBigDecimal("debit"),
                        rs.getBigDecimal("credit")))
            .list();
    return lines.isEmpty() ? Optional.empty() : Optional.of(new JournalEntry(lines));
  }

  /** The check of the partner's loan; empty when the partner has no such loan. */
  public Optional<LedgerCheck> check(long partnerId, UUID loanId) {
    return check(loanId, " AND l.partner_id = :partner", partnerId);
  }

  /** The check of any partner's loan, for operators; empty when there is no such loan. */
  public Optional<LedgerCheck> checkAnyPartner(UUID loanId) {
    return check(loanId, "", null);
  }

  /** One snapshot for the loan row and its journal, so the two sides are of the same moment. */
  private Optional<LedgerCheck> check(UUID loanId, String scope, @Nullable Long partnerId) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          Query loan =
              h.createQuery(
                      "SELECT l.currency, l.principal, l.interest, l.fee, l.close_substatus"
                          + " FROM loan l"
                          + " WHERE l.id = :loan"
                          + scope)
                  .bind("loan", loanId);
          if (partnerId != null) {
            loan.bind("partner", partnerId.longValue());
          }
          return loan.map(
                  (rs, ctx) ->
                      new StoredLoan(
                          rs.getString("currency"),
                          new LedgerBalances(
                              rs.getBigDecimal("principal"),
                              rs.getBigDecimal("interest"),
                              rs.getBigDecimal("fee")),
                          "written_off".equals(rs.getString("close_substatus"))))
              .findOne()
              .map(
                  stored ->
                      new LedgerCheck(
                          loanId,
                          stored.currency(),
                          stored.balances(),
                          stored.writtenOff() ? stored.balances() : LedgerBalances.ZERO,
                          accounts(h, loanId),
                          count(h, loanId, "TRUE"),
                          count(h, loanId, "d <> c")));
        });
  }

  /**
   * The loan row's side. A written-off loan was written off with everything it owed, so the
   * balances it keeps are exactly what its write-off moved to loss.
   */
  private record StoredLoan(String currency, LedgerBalances balances, boolean writtenOff) {}

  /** Every account of the chart with the sums of its lines for the loan, zero where none. */
  private static List<AccountBalance> accounts(Handle h, UUID loanId) {
    Map<LedgerAccount, BigDecimal[]> sums = new EnumMap<>(LedgerAccount.class);
    h.createQuery(
            "SELECT jl.account, sum(jl.debit) AS debits, sum(jl.credit) AS credits"
                + " FROM journal_line jl JOIN journal_entry je ON je.id = jl.entry_id"
                + " WHERE je.loan_id = :loan GROUP BY jl.account")
        .bind("loan", loanId)
        .map(
            (rs, ctx) ->
                Map.entry(
                    LedgerAccount.byCode(rs.getString("account")).orElseThrow(),
                    new BigDecimal[] {rs.getBigDecimal("debits"), rs.getBigDecimal("credits")}))
        .forEach(e -> sums.put(e.getKey(), e.getValue()));
    List<AccountBalance> accounts = new ArrayList<>();
    for (LedgerAccount account : LedgerAccount.values()) {
      BigDecimal[] sum =
          sums.getOrDefault(account, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      accounts.add(new AccountBalance(account, sum[0], sum[1]));
    }
    return accounts;
  }

  /** The loan's entries that meet {@code condition} on their debit and credit sums d and c. */
  private static long count(Handle h, UUID loanId, String condition) {
    return h.createQuery(
            "SELECT count(*) FROM (SELECT coalesce(sum(jl.debit), 0) AS d,"
                + " coalesce(sum(jl.credit), 0) AS c FROM journal_entry je"
                + " LEFT JOIN journal_line jl ON jl.entry_id = je.id"
                + " WHERE je.loan_id = :loan GROUP BY je.id) e WHERE "
                + condition)
        .bind("loan", loanId)
        .mapTo(Long.class)
        .one();
  }
}
