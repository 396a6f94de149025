package dev.furrow.core.delinquency;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.lending.v1.GetLoanDelinquencyRequest;
import dev.furrow.proto.lending.v1.GetPortfolioAtRiskRequest;
import dev.furrow.proto.lending.v1.PortfolioAtRiskGroup;
import dev.furrow.proto.lending.v1.PortfolioServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;

/** {@code PortfolioService}; guarded by a LENDING partner API key. */
public final class PortfolioGrpcService extends PortfolioServiceGrpc.PortfolioServiceImplBase {
  private final Portfolio portfolio;

  public PortfolioGrpcService(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  @Override
  public void getPortfolioAtRisk(
      GetPortfolioAtRiskRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.PortfolioAtRisk> response) {
    PortfolioAtRisk par = portfolio.portfolioAtRisk(Caller.partnerId());
    var b =
        dev.furrow.proto.lending.v1.PortfolioAtRisk.newBuilder()
            .setBusinessDate(par.businessDate().toString());
    par.byCurrency().forEach(g -> b.addByCurrency(toProto(g)));
    par.byProduct().forEach(g -> b.addByProduct(toProto(g)));
    reply(response, b.build());
  }

  @Override
  public void getLoanDelinquency(
      GetLoanDelinquencyRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.LoanDelinquency> response) {
    LoanDelinquency d = portfolio.delinquency(Caller.partnerId(), request.getId());
    var b =
        dev.furrow.proto.lending.v1.LoanDelinquency.newBuilder()
            .setLoan(d.loanId().toString())
            .setStatus(d.status().code())
            .setDaysPastDue(d.daysPastDue())
            .setAgeingBucket(d.bucket().code())
            .setOverduePrincipal(money(d.overduePrincipal()))
            .setOverdueInterest(money(d.overdueInterest()))
            .setOverdueFee(money(d.overdueFee()))
            .setBusinessDate(d.businessDate().toString());
    if (d.overdueSince() != null) {
      b.setOverdueSince(d.overdueSince().toString());
    }
    reply(response, b.build());
  }

  private static PortfolioAtRiskGroup toProto(PortfolioAtRisk.Group g) {
    PortfolioAtRiskGroup.Builder b =
        PortfolioAtRiskGroup.newBuilder()
            .setCurrency(g.currency())
            .setLoans(g.loans())
            .setOutstandingPrincipal(money(g.outstandingPrincipal()))
            .setPar1Principal(money(g.par1().principal()))
            .setPar30Principal(money(g.par30().principal()))
            .setPar90Principal(money(g.par90().principal()))
            .setPar1(g.ratio(g.par1()).toPlainString())
            .setPar30(g.ratio(g.par30()).toPlainString())
            .setPar90(g.ratio(g.par90()).toPlainString())
            .setPar1Loans(g.par1().loans())
            .setPar30Loans(g.par30().loans())
            .setPar90Loans(g.par90().loans());
    if (g.product() != null) {
      b.setProduct(g.product().toString());
    }
    return b.build();
  }

  private static String money(BigDecimal value) {
    return value.setScale(2).toPlainString();
  }
}
