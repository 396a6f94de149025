package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.AlreadyExistsException;
import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.payg.PaygLists;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.query.PartnerPage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The payment use cases: a partner's webhook delivery (authenticated, checked, recorded once per
 * transaction code, matched and applied, all in one database transaction), the partner's payment
 * list, and the operator's unmatched queue, assignment and webhook secrets.
 */
public final class PaymentDesk {
  static final String NOT_FOUND = "Not found.";
  static final String BODY = "non_field_errors";
  static final int SECRET_BYTES = 32;
  static final int DEFAULT_UNMATCHED_LIMIT = 100;
  static final int MAX_UNMATCHED_LIMIT = 1000;

  private final PaymentRepository repository;
  private final WebhookSignature signature;
  private final PaymentPolicy policy;
  private final MatchPolicy matching;
  private final PaymentApplication application;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public PaymentDesk(
      PaymentRepository repository,
      WebhookSignature signature,
      PaymentPolicy policy,
      MatchPolicy matching,
      PaymentApplication application,
      Clock clock) {
    this.repository = requireNonNull(repository, "repository");
    this.signature = requireNonNull(signature, "signature");
    this.policy = requireNonNull(policy, "policy");
    this.matching = requireNonNull(matching, "matching");
    this.application = requireNonNull(application, "application");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * A partner's payment report, checked in the documented order: signature and timestamp, body,
   * fields, then idempotency on the transaction code (a redelivery answers the original payment as
   * it is now, replayed; a different payment under a used code is refused), then matching and, when
   * a contract is found, applying. The partner's key was checked by the transport guard.
   */
  public Confirmation confirm(long partnerId, Delivery delivery) {
    return repository
        .jdbi()
        .inTransaction(
            h -> {
              signature.verify(
                  delivery.timestamp(),
                  delivery.signature(),
                  delivery.rawBody(),
                  repository.activeSecrets(h, partnerId));
              if (delivery.bodyError() != null) {
                throw InvalidInputException.of(BODY, delivery.bodyError());
              }
              ReportedPayment report = policy.validate(delivery.report());
              byte[] digest = report.digest();
              Optional<Long> inserted =
                  repository.insertIfNew(
                      h, partnerId, report, digest, clock.instant().truncatedTo(ChronoUnit.MICROS));
              if (inserted.isEmpty()) {
                PaymentRepository.Recorded recorded =
                    repository
                        .findByCode(h, partnerId, report.transactionCode())
                        .orElseThrow(() -> new IllegalStateException("conflict without a row"));
                if (!Arrays.equals(recorded.digest(), digest)) {
                  throw new AlreadyExistsException(
                      "transaction_code '"
                          + report.transactionCode()
                          + "' was already used for a different payment.");
                }
                return new Confirmation(repository.find(h, recorded.id()).orElseThrow(), true);
              }
              long id = inserted.get();
              MatchPolicy.Match match = matching.match(report, visibleTo(h, partnerId));
              if (match instanceof MatchPolicy.Matched matched) {
                application.apply(
                    h, id, report.amountPaid(), matched.contractId(), matched.method());
              } else {
                repository.markUnmatched(h, id, ((MatchPolicy.Unmatched) match).reason());
              }
              return new Confirmation(repository.find(h, id).orElseThrow(), false);
            });
  }

  /** A page of the payments the partner sees; see {@link PaymentLists#SPEC}. */
  public PartnerPage<Payment> list(long partnerId, PaygQuery query) {
    PartnerPage<Payment> page =
        PaygLists.fetch(
            repository.jdbi(),
            partnerId,
            query,
            PaymentRepository.COLUMNS,
            PaymentRepository.LIST_FROM,
            PaymentRepository.mapper());
    return new PartnerPage<>(
        page.count(),
        repository.jdbi().withHandle(h -> repository.withAllocations(h, page.results())));
  }

  /** Unmatched payments, oldest first, of one partner (0: all); limit 1..1000, default 100. */
  public List<Payment> unmatched(long partnerId, int limit) {
    if (limit < 0 || limit > MAX_UNMATCHED_LIMIT) {
      throw InvalidInputException.of(
          "limit", "Ensure this value is between 0 and " + MAX_UNMATCHED_LIMIT + ".");
    }
    if (partnerId < 0) {
      throw InvalidInputException.of("partner_id", "Ensure this value is 0 or a partner id.");
    }
    return repository.unmatched(partnerId, limit == 0 ? DEFAULT_UNMATCHED_LIMIT : limit);
  }

  /**
   * An operator assigns an unmatched payment to a contract the reporting partner sees, which
   * applies it. An applied payment cannot be assigned again.
   */
  public Payment assign(long paymentId, long contractId) {
    return repository
        .jdbi()
        .inTransaction(
            h -> {
              Payment payment =
                  repository.lock(h, paymentId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
              if (payment.status() == PaymentStatus.APPLIED) {
                throw new ConflictException(
                    "Payment "
                        + paymentId
                        + " is already applied to contract "
                        + payment.contractId()
                        + ".");
              }
              Optional<Boolean> visible =
                  repository.contractVisibleTo(h, contractId, payment.partnerId());
              if (visible.isEmpty()) {
                throw InvalidInputException.of(
                    "contract_id", "Invalid pk \"" + contractId + "\" - object does not exist.");
              }
              if (!visible.get()) {
                throw InvalidInputException.of(
                    "contract_id",
                    "Contract "
                        + contractId
                        + " is of a funding source partner "
                        + payment.partnerId()
                        + " is not entitled to.");
              }
              application.apply(
                  h, paymentId, payment.amountPaid(), contractId, MatchMethod.OPERATOR);
              return repository.find(h, paymentId).orElseThrow();
            });
  }

  /**
   * Issues a new secret for the partner: 32 random bytes as 64 lowercase hex digits, returned once.
   * The partner's other secrets stay valid until revoked.
   */
  public WebhookSecret issueSecret(long partnerId) {
    if (!repository.partnerExists(partnerId)) {
      throw new NotFoundException("No partner with id " + partnerId + ".");
    }
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return repository.insertSecret(partnerId, HexFormat.of().formatHex(bytes));
  }

  /** Revokes a secret (again: no change); signatures under it fail from now on. */
  public WebhookSecret revokeSecret(long secretId) {
    return repository
        .revokeSecret(secretId, clock.instant().truncatedTo(ChronoUnit.MICROS))
        .orElseThrow(() -> new NotFoundException("No webhook secret with id " + secretId + "."));
  }

  /** The partner's secrets without their values, newest first. */
  public List<WebhookSecret> secrets(long partnerId) {
    if (!repository.partnerExists(partnerId)) {
      throw new NotFoundException("No partner with id " + partnerId + ".");
    }
    return repository.secrets(partnerId);
  }

  private MatchPolicy.Contracts visibleTo(Handle h, long partnerId) {
    return new MatchPolicy.Contracts() {
      @Override
      public Optional<Long> byLoanId(String loanId) {
        return repository.visibleContractByLoanId(h, partnerId, loanId);
      }

      @Override
      public Optional<Long> byInvoiceNumber(String invoiceNumber) {
        return repository.visibleContractByInvoice(h, partnerId, invoiceNumber);
      }

      @Override
      public List<Long> openByCustomer(String customerName) {
        return repository.openVisibleContractsByLoaner(h, partnerId, customerName);
      }
    };
  }
}
