package dev.furrow.local;

import com.google.protobuf.Timestamp;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.CreateContractRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceRequest;
import dev.furrow.proto.payg.v1.IssueWebhookSecretRequest;
import dev.furrow.proto.payg.v1.ListFxRatesRequest;
import dev.furrow.proto.payg.v1.ListWebhookSecretsRequest;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc;
import dev.furrow.proto.payg.v1.SetFxRateRequest;
import dev.furrow.proto.payg.v1.UpsertFundingSourceRequest;
import dev.furrow.proto.payg.v1.WebhookSecret;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The pay-as-you-go side of the demo data: funding source {@value #FUNDING_SOURCE} granted to the
 * demo partner, an NGN rate for the USD snapshot, contract {@value #LOAN_ID} for the demo tractor,
 * and a webhook secret. Each step is idempotent; the secret (which the core shows only once) is
 * kept in the work directory so a second start reuses it instead of issuing another.
 */
final class DemoPayg {
  static final String FUNDING_SOURCE = "boa";
  static final String FUNDING_SOURCE_NAME = "Bank of Agriculture";
  static final String LOAN_ID = "LOAN-DEMO-1";
  static final String OPERATOR_NAME = "Bello Tractor Services";
  static final String CUSTOMER_NAME = "Amina Bello";
  static final String NGN_PER_USD = "1500.00";
  static final Instant RATE_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final String SECRET_FILE = "demo-webhook-secret";

  private DemoPayg() {}

  /** The demo contract's request (the tractor must be registered to the partner). */
  static CreateContractRequest contract(long partnerId, String tractorId) {
    return CreateContractRequest.newBuilder()
        .setOwnerPartnerId(partnerId)
        .setLoanId(LOAN_ID)
        .setName(OPERATOR_NAME)
        .setLoaner(CUSTOMER_NAME)
        .setFundingSource(FUNDING_SOURCE)
        .setTractorId(tractorId)
        .setEquipmentCost("1500000.00")
        .setPrincipalAmount("300000.00")
        .setTotalRepaymentAmount("1500000.00")
        .setRepaymentPerHectare("45000.00")
        .setCurrency("NGN")
        .setLoanStartDate("2026-11-02")
        .setLoanEndDate("2028-11-02")
        .setTimeZone("Africa/Lagos")
        .build();
  }

  /** Puts the PAYG demo data in place; returns the webhook secret. */
  static String load(
      Channel channel, Metadata operator, long partnerId, String tractorId, Path workDir) {
    var contracts =
        ContractAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
    contracts.upsertFundingSource(
        UpsertFundingSourceRequest.newBuilder()
            .setCode(FUNDING_SOURCE)
            .setName(FUNDING_SOURCE_NAME)
            .build());
    contracts.grantFundingSource(
        GrantFundingSourceRequest.newBuilder()
            .setPartnerId(partnerId)
            .setFundingSource(FUNDING_SOURCE)
            .build());
    boolean hasRate =
        contracts
            .listFxRates(ListFxRatesRequest.newBuilder().setCurrency("NGN").build())
            .getRatesList()
            .stream()
            .anyMatch(rate -> rate.getEffectiveFrom().getSeconds() == RATE_FROM.getEpochSecond());
    if (!hasRate) {
      contracts.setFxRate(
          SetFxRateRequest.newBuilder()
              .setCurrency("NGN")
              .setUnitsPerUsd(NGN_PER_USD)
              .setEffectiveFrom(Timestamp.newBuilder().setSeconds(RATE_FROM.getEpochSecond()))
              .build());
    }
    contracts.createContract(contract(partnerId, tractorId));
    var payments =
        PaymentAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
    return webhookSecret(payments, partnerId, workDir.resolve(SECRET_FILE));
  }

  /**
   * The secret kept in {@code file} if it still belongs to an unrevoked secret of the partner; else
   * a newly issued one, written to the file.
   */
  private static String webhookSecret(
      PaymentAdminServiceGrpc.PaymentAdminServiceBlockingStub payments, long partnerId, Path file) {
    List<WebhookSecret> active =
        payments
            .listWebhookSecrets(
                ListWebhookSecretsRequest.newBuilder().setPartnerId(partnerId).build())
            .getSecretsList()
            .stream()
            .filter(secret -> !secret.hasRevokedAt())
            .toList();
    try {
      if (Files.exists(file)) {
        String[] kept = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
        if (kept.length == 2
            && active.stream().anyMatch(secret -> Long.toString(secret.getId()).equals(kept[0]))) {
          return kept[1];
        }
      }
      WebhookSecret issued =
          payments.issueWebhookSecret(
              IssueWebhookSecretRequest.newBuilder().setPartnerId(partnerId).build());
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file, issued.getId() + " " + issued.getSecret() + "\n", StandardCharsets.UTF_8);
      return issued.getSecret();
    } catch (IOException e) {
      throw new UncheckedIOException("Keeping the demo webhook secret in " + file + " failed", e);
    }
  }
}
