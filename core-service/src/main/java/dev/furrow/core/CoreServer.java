package dev.furrow.core;

import dev.furrow.core.application.ApplicationDesk;
import dev.furrow.core.application.ApplicationGrpcService;
import dev.furrow.core.application.ApplicationPolicy;
import dev.furrow.core.application.ApplicationRepository;
import dev.furrow.core.application.UnderwritingPolicy;
import dev.furrow.core.billing.BillingCycle;
import dev.furrow.core.billing.BillingCycleStep;
import dev.furrow.core.billing.BillingDesk;
import dev.furrow.core.billing.BillingGrpcServices;
import dev.furrow.core.billing.BillingPolicy;
import dev.furrow.core.billing.BillingRepository;
import dev.furrow.core.billing.UsageBilling;
import dev.furrow.core.borrower.EndUserDirectory;
import dev.furrow.core.borrower.EndUserGrpcService;
import dev.furrow.core.borrower.EndUserPolicy;
import dev.furrow.core.borrower.EndUserRepository;
import dev.furrow.core.cob.CloseOfBusiness;
import dev.furrow.core.cob.CloseOfBusinessGrpcService;
import dev.furrow.core.cob.CloseOfBusinessRepository;
import dev.furrow.core.cob.DailyCloseOfBusiness;
import dev.furrow.core.cob.InterestAccrual;
import dev.furrow.core.contract.ContractDesk;
import dev.furrow.core.contract.ContractGrpcServices;
import dev.furrow.core.contract.ContractPolicy;
import dev.furrow.core.contract.ContractRepository;
import dev.furrow.core.contract.ContractStatuses;
import dev.furrow.core.delinquency.DelinquencyRepository;
import dev.furrow.core.delinquency.DelinquencyRules;
import dev.furrow.core.delinquency.DelinquencyTransitions;
import dev.furrow.core.delinquency.InstalmentAgeing;
import dev.furrow.core.delinquency.Portfolio;
import dev.furrow.core.delinquency.PortfolioGrpcService;
import dev.furrow.core.fx.FxRateRepository;
import dev.furrow.core.fx.FxRates;
import dev.furrow.core.idempotency.IdempotencyInterceptor;
import dev.furrow.core.idempotency.IdempotencyPolicy;
import dev.furrow.core.idempotency.IdempotentRequestRepository;
import dev.furrow.core.idempotency.IdempotentRequests;
import dev.furrow.core.ledger.LedgerAudit;
import dev.furrow.core.ledger.LedgerGrpcService;
import dev.furrow.core.ledger.LedgerRepository;
import dev.furrow.core.loan.LoanAccounts;
import dev.furrow.core.loan.LoanGrpcService;
import dev.furrow.core.loan.LoanPolicy;
import dev.furrow.core.loan.LoanRepository;
import dev.furrow.core.partner.ApiFace;
import dev.furrow.core.partner.ApiKeyAuthenticator;
import dev.furrow.core.partner.PartnerAdminGrpcService;
import dev.furrow.core.partner.PartnerDirectory;
import dev.furrow.core.partner.PartnerRepository;
import dev.furrow.core.payment.MatchPolicy;
import dev.furrow.core.payment.PaymentAdminGrpcService;
import dev.furrow.core.payment.PaymentApplication;
import dev.furrow.core.payment.PaymentDesk;
import dev.furrow.core.payment.PaymentGrpcService;
import dev.furrow.core.payment.PaymentPolicy;
import dev.furrow.core.payment.PaymentRepository;
import dev.furrow.core.payment.SettlementPolicy;
import dev.furrow.core.payment.WebhookSignature;
import dev.furrow.core.platform.db.Database;
import dev.furrow.core.platform.grpc.ErrorMappingInterceptor;
import dev.furrow.core.platform.grpc.PartnerKeyInterceptor;
import dev.furrow.core.platform.grpc.ServiceTokenInterceptor;
import dev.furrow.core.product.ProductCatalog;
import dev.furrow.core.product.ProductGrpcService;
import dev.furrow.core.product.ProductPolicy;
import dev.furrow.core.product.ProductRepository;
import dev.furrow.core.schedule.HolidayCalendars;
import dev.furrow.core.schedule.HolidayPolicy;
import dev.furrow.core.schedule.LoanSchedules;
import dev.furrow.core.schedule.ScheduleGrpcServices;
import dev.furrow.core.schedule.ScheduleRepository;
import dev.furrow.core.statement.LoanStatements;
import dev.furrow.core.statement.StatementGeneration;
import dev.furrow.core.statement.StatementGrpcService;
import dev.furrow.core.statement.StatementRepository;
import dev.furrow.core.telematics.TelematicsGrpcServices;
import dev.furrow.core.telematics.TractorRegistry;
import dev.furrow.core.telematics.UsageMonitor;
import dev.furrow.core.telematics.UsagePolicy;
import dev.furrow.core.telematics.UsageRecorder;
import dev.furrow.core.telematics.UsageRepository;
import dev.furrow.core.telematics.UsageSeriesPolicy;
import dev.furrow.core.transaction.PostingPolicy;
import dev.furrow.core.transaction.RevertPolicy;
import dev.furrow.core.transaction.TransactionBook;
import dev.furrow.core.transaction.TransactionGrpcService;
import dev.furrow.core.transaction.TransactionPolicy;
import dev.furrow.core.transaction.TransactionRepository;
import dev.furrow.core.transaction.TransactionType;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Jdbi;

/**
 * The core process: opens the database (migrating it), wires every domain service to its gRPC edge
 * with the right guard, and serves them with health checking and server reflection.
 */
public final class CoreServer implements AutoCloseable {
  private final Database database;
  private final Server server;
  @Nullable private final DailyCloseOfBusiness daily;

  private CoreServer(Database database, Server server, @Nullable DailyCloseOfBusiness daily) {
    this.database = database;
    this.server = server;
    this.daily = daily;
  }

  /** Starts on the configured TCP port (0 picks a free one). */
  public static CoreServer start(CoreConfig config) {
    return start(config, NettyServerBuilder.forPort(config.grpcPort()));
  }

  /** Starts on an in-process transport, for tests where the network is not the point. */
  public static CoreServer startInProcess(CoreConfig config, String name) {
    return start(config, InProcessServerBuilder.forName(name));
  }

  private static CoreServer start(CoreConfig config, ServerBuilder<?> builder) {
    Database database = Database.open(config);
    try {
      Clock clock = Clock.systemUTC();
      CloseOfBusiness closeOfBusiness =
          closeOfBusiness(database.jdbi(), config.closeOfBusiness(), clock);
      bindServices(builder, database.jdbi(), config, clock, closeOfBusiness);
      HealthStatusManager health = new HealthStatusManager();
      builder
          .addService(health.getHealthService())
          .addService(ProtoReflectionServiceV1.newInstance());
      Server server = builder.build().start();
      health.setStatus(
          HealthStatusManager.SERVICE_NAME_ALL_SERVICES,
          io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
      DailyCloseOfBusiness daily =
          config.closeOfBusiness().scheduled()
              ? DailyCloseOfBusiness.start(closeOfBusiness, clock, config.closeOfBusiness().runAt())
              : null;
      return new CoreServer(database, server, daily);
    } catch (IOException e) {
      database.close();
      throw new UncheckedIOException("Cannot start the gRPC server: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Close of business over the database with its steps in order: interest accrual, instalment
   * ageing, delinquency moves and fees, the pay-as-you-go weekly billing cycle, revolving credit
   * statements. Public so the benchmark runs the same thing.
   */
  public static CloseOfBusiness closeOfBusiness(
      Jdbi jdbi, CoreConfig.CloseOfBusinessSettings settings, Clock clock) {
    DelinquencyRepository delinquency = new DelinquencyRepository(jdbi);
    return new CloseOfBusiness(
        new CloseOfBusinessRepository(jdbi),
        List.of(
            new InterestAccrual(
                new CloseOfBusinessRepository(jdbi),
                clock,
                settings.accrualChunkSize(),
                settings.accrualWorkers()),
            new InstalmentAgeing(delinquency, clock),
            new DelinquencyTransitions(
                delinquency, new DelinquencyRules(settings.defaultAfterDaysInArrears()), clock),
            new BillingCycleStep(billingCycle(jdbi)),
            new StatementGeneration(
                new StatementRepository(jdbi), clock, StatementGeneration.DEFAULT_CHUNK_SIZE)),
        clock);
  }

  /** The weekly billing cycle, run by close of business and by the operator's RunBillingCycle. */
  private static BillingCycle billingCycle(Jdbi jdbi) {
    return new BillingCycle(
        new BillingRepository(jdbi), new BillingPolicy(), ContractStatuses::refresh);
  }

  /** Binds every service. */
  private static void bindServices(
      ServerBuilder<?> builder,
      Jdbi jdbi,
      CoreConfig config,
      Clock clock,
      CloseOfBusiness closeOfBusiness) {
    PartnerRepository partners = new PartnerRepository(jdbi);
    UsageRepository usage = new UsageRepository(jdbi);
    ServerInterceptor operator = new ServiceTokenInterceptor(config.serviceToken());
    ApiKeyAuthenticator keys = new ApiKeyAuthenticator(partners);
    ServerInterceptor payg = new PartnerKeyInterceptor(keys, ApiFace.PAYG);
    ServerInterceptor lendingKey = new PartnerKeyInterceptor(keys, ApiFace.LENDING);
    // The partner lending API: the key guard first, then the Idempotency-Key.
    ServerInterceptor[] lending = {
      new IdempotencyInterceptor(
          new IdempotentRequests(
              new IdempotentRequestRepository(jdbi), new IdempotencyPolicy(), clock)),
      lendingKey
    };

    guarded(
        builder,
        new PartnerAdminGrpcService(new PartnerDirectory(partners, clock, keys::forget)),
        operator);
    guarded(
        builder,
        new TelematicsGrpcServices.TractorAdmin(new TractorRegistry(usage), usage),
        operator);
    guarded(
        builder,
        new TelematicsGrpcServices.UsageIngest(
            new UsageRecorder(
                usage,
                new UsagePolicy(clock),
                new UsageBilling(new BillingRepository(jdbi), new BillingPolicy(), clock))),
        operator);
    guarded(
        builder,
        new TelematicsGrpcServices.UsageQuery(
            usage, new UsageMonitor(usage, new UsageSeriesPolicy(), clock)),
        payg);
    guarded(
        builder,
        new EndUserGrpcService(
            new EndUserDirectory(new EndUserRepository(jdbi), new EndUserPolicy(clock), clock)),
        lending);
    guarded(
        builder,
        new ProductGrpcService(
            new ProductCatalog(new ProductRepository(jdbi), new ProductPolicy(), clock)),
        lending);
    guarded(
        builder,
        new ApplicationGrpcService(
            new ApplicationDesk(
                new ApplicationRepository(jdbi),
                new ApplicationPolicy(),
                new UnderwritingPolicy(clock),
                clock)),
        lending);
    LedgerRepository ledger = new LedgerRepository(jdbi);
    LoanRepository loans = new LoanRepository(jdbi, ledger);
    guarded(
        builder, new LoanGrpcService(new LoanAccounts(loans, new LoanPolicy(), clock)), lending);
    LedgerAudit audit = new LedgerAudit(ledger);
    ScheduleRepository schedules = new ScheduleRepository(jdbi);
    CloseOfBusinessRepository accruals = new CloseOfBusinessRepository(jdbi);
    DelinquencyRepository delinquency = new DelinquencyRepository(jdbi);
    StatementRepository statements = new StatementRepository(jdbi);
    TransactionRepository transactions =
        new TransactionRepository(
            jdbi,
            loans,
            ledger,
            (h, loan, now, applied) -> {
              // A statement's minimum payments replace the term loan schedule rules. The schedule's
              // fast path (a repayment on a loan without statements) goes first, as it checks for
              // statements itself; what it leaves goes as before, the statements, else a rewrite.
              if (!schedules.paid(h, loan, now, applied) && !statements.follow(h, loan, now)) {
                schedules.rewrite(h, loan, now);
              }
              // Accrual starts from the first applied disbursement and is withdrawn without one;
              // repayments change neither, so a batch of repayments leaves nothing to follow.
              if (applied == null
                  || applied.stream().anyMatch(a -> a.type() != TransactionType.REPAYMENT)) {
                accruals.posted(h, loan, now);
              }
              if (applied == null) {
                delinquency.reverted(h, loan, now);
              } else {
                delinquency.posted(h, loan, now);
              }
            });
    TransactionBook book =
        new TransactionBook(
            transactions, new TransactionPolicy(), new PostingPolicy(), new RevertPolicy(), clock);
    guarded(builder, new TransactionGrpcService(book, audit), lending);
    guarded(builder, new LedgerGrpcService(audit), operator);
    guarded(builder, new ScheduleGrpcServices.Schedules(new LoanSchedules(schedules)), lending);
    guarded(
        builder,
        new ScheduleGrpcServices.HolidayAdmin(new HolidayCalendars(schedules, new HolidayPolicy())),
        operator);
    guarded(builder, new CloseOfBusinessGrpcService(closeOfBusiness), operator);
    guarded(builder, new PortfolioGrpcService(new Portfolio(delinquency)), lending);
    guarded(builder, new StatementGrpcService(new LoanStatements(statements)), lending);
    bindContracts(builder, jdbi, clock, loans, book, payg, operator);
    BillingRepository billing = new BillingRepository(jdbi);
    BillingDesk billingDesk = new BillingDesk(billing, new BillingPolicy());
    guarded(builder, new BillingGrpcServices.Billing(billingDesk), payg);
    guarded(
        builder, new BillingGrpcServices.BillingAdmin(billingCycle(jdbi), billingDesk), operator);
    PaymentRepository payments = new PaymentRepository(jdbi);
    PaymentDesk paymentDesk =
        new PaymentDesk(
            payments,
            new WebhookSignature(clock),
            new PaymentPolicy(clock),
            new MatchPolicy(),
            new PaymentApplication(payments, book, transactions, new SettlementPolicy(), clock),
            clock);
    guarded(builder, new PaymentGrpcService(paymentDesk), payg);
    guarded(builder, new PaymentAdminGrpcService(paymentDesk), operator);
  }

  /** The pay-as-you-go contracts (partner reads behind the PAYG key, administration). */
  private static void bindContracts(
      ServerBuilder<?> builder,
      Jdbi jdbi,
      Clock clock,
      LoanRepository loans,
      TransactionBook book,
      ServerInterceptor payg,
      ServerInterceptor operator) {
    ContractDesk contracts =
        new ContractDesk(
            new ContractRepository(jdbi),
            new ContractPolicy(),
            new ProductCatalog(new ProductRepository(jdbi), new ProductPolicy(), clock),
            new EndUserRepository(jdbi),
            new LoanAccounts(loans, new LoanPolicy(), clock),
            book,
            clock);
    FxRates fx = new FxRates(new FxRateRepository(jdbi), clock);
    guarded(builder, new ContractGrpcServices.Reads(contracts, fx), payg);
    guarded(builder, new ContractGrpcServices.Admin(contracts, fx), operator);
  }

  /**
   * Error mapping runs inside the guards, so guards answer first and handlers may throw. The last
   * guard runs first.
   */
  private static void guarded(
      ServerBuilder<?> builder, BindableService service, ServerInterceptor... guards) {
    ServerInterceptor[] chain = new ServerInterceptor[guards.length + 1];
    chain[0] = new ErrorMappingInterceptor();
    System.arraycopy(guards, 0, chain, 1, guards.length);
    builder.addService(ServerInterceptors.intercept(service, chain));
  }

  /** The TCP port, or -1 on the in-process transport. */
  public int port() {
    return server.getPort();
  }

  /** Direct database access, for tests and the local demo-data loader. */
  public Jdbi jdbi() {
    return database.jdbi();
  }

  /** Stops taking calls, lets running ones finish for a few seconds, then closes the pool. */
  @Override
  public void close() {
    if (daily != null) {
      daily.close();
    }
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      database.close();
    }
  }
}
