package dev.furrow.core.ledger;

import dev.furrow.proto.lending.v1.LedgerAccountBalance;

/** Translates a {@link LedgerCheck} into its protobuf message. */
public final class LedgerProtoMapper {
  private LedgerProtoMapper() {}

  public static dev.furrow.proto.lending.v1.LedgerCheck toProto(LedgerCheck check) {
    dev.furrow.proto.lending.v1.LedgerCheck.Builder out =
        dev.furrow.proto.lending.v1.LedgerCheck.newBuilder()
            .setLoan(check.loanId().toString())
            .setCurrency(check.currency())
            .setStored(toProto(check.stored()))
            .setWrittenOff(toProto(check.writtenOff()))
            .setJournal(toProto(check.journal()))
            .setBalancesMatch(check.balancesMatch())
            .setTotalDebits(check.totalDebits().toPlainString())
            .setTotalCredits(check.totalCredits().toPlainString())
            .setBalanced(check.balanced())
            .setUnbalancedEntries(check.unbalancedEntries())
            .setEntries(check.entries())
            .setConsistent(check.consistent());
    for (LedgerCheck.AccountBalance account : check.accounts()) {
      out.addAccounts(
          LedgerAccountBalance.newBuilder()
              .setAccount(account.account().code())
              .setDebits(account.debits().toPlainString())
              .setCredits(account.credits().toPlainString())
              .setBalance(account.balance().toPlainString()));
    }
    return out.build();
  }

  private static dev.furrow.proto.lending.v1.LedgerBalances toProto(LedgerBalances balances) {
    return dev.furrow.proto.lending.v1.LedgerBalances.newBuilder()
        .setPrincipal(balances.principal().toPlainString())
        .setInterest(balances.interest().toPlainString())
        .setFee(balances.fee().toPlainString())
        .setOutstanding(balances.outstanding().toPlainString())
        .build();
  }
}
