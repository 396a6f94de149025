package dev.furrow.local;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.GetPartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.GetTractorUsageRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Demo data for the local system: a partner with fixed keys, a tractor, its pay-as-you-go contract
 * ({@link DemoPayg}) and a few usage reports sent over MQTT like a device would. Every step is
 * idempotent, so starting twice adds nothing.
 */
final class DemoData {
  static final String PARTNER_NAME = "Demo Lender";
  static final String LENDING_KEY = "fw_lending_demo_key_not_for_production";
  static final String PAYG_KEY = "fw_payg_demo_key_not_for_production_use";
  static final String TRACTOR_ID = "TR-DEMO-1";
  private static final Instant FIRST_WINDOW = Instant.parse("2026-11-16T07:00:00Z");
  private static final String[] HECTARES = {"2.5", "3.25", "1.75"};

  private DemoData() {}

  static Loaded load(String coreTarget, String serviceToken, String mqttUrl, Path workDir) {
    ManagedChannel channel = ManagedChannelBuilder.forTarget(coreTarget).usePlaintext().build();
    try {
      Metadata operator = new Metadata();
      operator.put(Caller.SERVICE_TOKEN, serviceToken);
      var admin =
          PartnerAdminServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
      long partnerId = partnerId(admin);
      for (var face :
          new Object[][] {
            {ApiFace.API_FACE_LENDING, LENDING_KEY}, {ApiFace.API_FACE_PAYG, PAYG_KEY}
          }) {
        admin.issueApiKey(
            IssueApiKeyRequest.newBuilder()
                .setPartnerId(partnerId)
                .setFace((ApiFace) face[0])
                .setLabel("demo")
                .setKey((String) face[1])
                .build());
      }
      TractorAdminServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator))
          .registerTractor(
              RegisterTractorRequest.newBuilder()
                  .setTractorId(TRACTOR_ID)
                  .setPartnerId(partnerId)
                  .build());
      // Before the usage, so the demo usage is billed to the contract's weekly draft.
      String webhookSecret = DemoPayg.load(channel, operator, partnerId, TRACTOR_ID, workDir);
      publishUsage(mqttUrl);
      awaitRecorded(channel);
      DemoLending.load(channel, LENDING_KEY);
      return new Loaded(HECTARES.length, webhookSecret);
    } finally {
      channel.shutdownNow();
    }
  }

  private static long partnerId(PartnerAdminServiceGrpc.PartnerAdminServiceBlockingStub admin) {
    try {
      return admin.getPartner(GetPartnerRequest.newBuilder().setName(PARTNER_NAME).build()).getId();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      return admin
          .createPartner(CreatePartnerRequest.newBuilder().setName(PARTNER_NAME).build())
          .getId();
    }
  }

  private static void publishUsage(String mqttUrl) {
    try {
      MqttClient device =
          new MqttClient(mqttUrl, "furrow-demo-" + TRACTOR_ID, new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      device.connect(options);
      for (int i = 0; i < HECTARES.length; i++) {
        Instant start = FIRST_WINDOW.plus(Duration.ofDays(i));
        String json =
            "{\"schema_version\":1,\"message_id\":\"demo-"
                + (i + 1)
                + "\",\"window_start\":\""
                + start
                + "\",\"window_end\":\""
                + start.plus(Duration.ofHours(2))
                + "\",\"hectares\":"
                + HECTARES[i]
                + ",\"engine_hours\":2.0}";
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        device.publish("furrow/v1/tractors/" + TRACTOR_ID + "/usage", message);
      }
      device.disconnect();
      device.close();
    } catch (MqttException e) {
      throw new IllegalStateException("Publishing demo usage to " + mqttUrl + " failed: " + e, e);
    }
  }

  private static void awaitRecorded(ManagedChannel channel) {
    Metadata partner = new Metadata();
    partner.put(Caller.API_KEY, PAYG_KEY);
    var usage =
        UsageQueryServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(partner));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      long count =
          usage
              .getTractorUsage(GetTractorUsageRequest.newBuilder().setTractorId(TRACTOR_ID).build())
              .getReportCount();
      if (count >= HECTARES.length) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("The demo usage did not reach the core within 15 s");
  }

  /** What the loader put in place. */
  record Loaded(int reportsSent, String webhookSecret) {}
}
