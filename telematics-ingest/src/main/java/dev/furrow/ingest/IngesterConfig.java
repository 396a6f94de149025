package dev.furrow.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one ingester process. Build with {@link #builder()} or read them from the environment
 * with {@link #fromEnvironment()}.
 *
 * @param mqttUrl broker URL, {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param mqttClientId stable per ingester replica and unique among replicas: the broker keeps the
 *     session, and with it the unacknowledged deliveries, under this id (two live ingesters with
 *     one id take the session from each other)
 * @param shareGroup the shared-subscription group all replicas join, so each delivery goes to one
 * @param coreTarget gRPC target of the core, e.g. {@code 127.0.0.1:9090} or {@code
 *     dns:///core:9090}
 * @param serviceToken operator service token sent as {@code x-furrow-service-token}
 * @param batchSize most deliveries per RecordUsage call
 * @param batchMaxDelay longest a delivery waits for others to join its batch
 * @param receiveMaximum most unacknowledged deliveries the broker may have in flight to this
 *     ingester; at least twice {@code batchSize} keeps a batch gathering while another commits
 * @param sessionExpiry how long the broker keeps the session (and its queued deliveries) while this
 *     ingester is away
 * @param retryInitialBackoff first wait after a failed RecordUsage call
 * @param retryMaxBackoff cap of the exponential backoff between retries
 * @param coreCallTimeout deadline of one RecordUsage call
 * @param shutdownGracePeriod how long closing waits for received deliveries to be recorded
 */
public record IngesterConfig(
    String mqttUrl,
    String mqttClientId,
    String shareGroup,
    String coreTarget,
    String serviceToken,
    int batchSize,
    Duration batchMaxDelay,
    int receiveMaximum,
    Duration sessionExpiry,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff,
    Duration coreCallTimeout,
    Duration shutdownGracePeriod) {

  public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
  public static final String DEFAULT_MQTT_CLIENT_ID = "furrow-ingester-1";
  public static final String DEFAULT_SHARE_GROUP = "furrow-ingest";
  public static final String DEFAULT_CORE_TARGET = "127.0.0.1:9090";
  public static final int MAX_BATCH_SIZE = 10_000;

  public IngesterConfig {
    requireText(mqttUrl, "mqttUrl");
    requireText(mqttClientId, "mqttClientId");
    requireText(shareGroup, "shareGroup");
    requireText(coreTarget, "coreTarget");
    requireText(serviceToken, "serviceToken");
    if (shareGroup.contains("/") || shareGroup.contains("+") || shareGroup.contains("#")) {
      throw new IllegalArgumentException(
          "shareGroup: " + shareGroup + " (expected: no '/', '+' or '#')");
    }
    if (receiveMaximum < 1 || receiveMaximum > 65_535) {
      throw new IllegalArgumentException(
          "receiveMaximum: " + receiveMaximum + " (expected: 1-65535)");
    }
    requirePositive(sessionExpiry, "sessionExpiry");
    requirePositive(coreCallTimeout, "coreCallTimeout");
    requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    if (shutdownGracePeriod.isNegative()) {
      throw new IllegalArgumentException(
          "shutdownGracePeriod: " + shutdownGracePeriod + " (expected: >= 0)");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize: " + batchSize + " (expected: 1-" + MAX_BATCH_SIZE + ")");
    }
    requireNonNull(batchMaxDelay, "batchMaxDelay");
    if (batchMaxDelay.isNegative()) {
      throw new IllegalArgumentException("batchMaxDelay: " + batchMaxDelay + " (expected: >= 0)");
    }
    new BatchPolicy(
        batchSize, batchMaxDelay, retryInitialBackoff, retryMaxBackoff); // checks backoff
  }

  /** A builder with every default filled in except the service token. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code FURROW_MQTT_URL}, {@code FURROW_MQTT_CLIENT_ID}, {@code FURROW_MQTT_SHARE_GROUP},
   * {@code FURROW_CORE_TARGET}, {@code FURROW_SERVICE_TOKEN} (required), {@code
   * FURROW_INGEST_BATCH_SIZE}, {@code FURROW_INGEST_BATCH_MAX_DELAY_MS}, {@code
   * FURROW_MQTT_RECEIVE_MAXIMUM} and {@code FURROW_MQTT_SESSION_EXPIRY_SECONDS}; unset ones take
   * their defaults.
   *
   * @throws IllegalArgumentException naming the variable that is missing or invalid
   */
  public static IngesterConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Like {@link #fromEnvironment()}, reading from the given variables. */
  public static IngesterConfig fromEnvironment(Map<String, String> env) {
    Builder builder = builder();
    set(env, "FURROW_MQTT_URL", Function.identity(), builder::mqttUrl);
    set(env, "FURROW_MQTT_CLIENT_ID", Function.identity(), builder::mqttClientId);
    set(env, "FURROW_MQTT_SHARE_GROUP", Function.identity(), builder::shareGroup);
    set(env, "FURROW_CORE_TARGET", Function.identity(), builder::coreTarget);
    set(env, "FURROW_SERVICE_TOKEN", Function.identity(), builder::serviceToken);
    set(env, "FURROW_INGEST_BATCH_SIZE", Integer::parseInt, builder::batchSize);
    set(
        env,
        "FURROW_INGEST_BATCH_MAX_DELAY_MS",
        v -> Duration.ofMillis(Long.parseLong(v)),
        builder::batchMaxDelay);
    set(env, "FURROW_MQTT_RECEIVE_MAXIMUM", Integer::parseInt, builder::receiveMaximum);
    set(
        env,
        "FURROW_MQTT_SESSION_EXPIRY_SECONDS",
        v -> Duration.ofSeconds(Long.parseLong(v)),
        builder::sessionExpiry);
    if (builder.serviceToken == null) {
      throw new IllegalArgumentException("FURROW_SERVICE_TOKEN: required");
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid ingester environment: " + e.getMessage(), e);
    }
  }

  private static <T> void set(
      Map<String, String> env,
      String name,
      Function<String, T> parse,
      Function<T, Builder> setter) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return;
    }
    T parsed;
    try {
      parsed = parse.apply(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": " + value + " (" + e.getMessage() + ")", e);
    }
    setter.apply(parsed);
  }

  BatchPolicy batchPolicy() {
    return new BatchPolicy(batchSize, batchMaxDelay, retryInitialBackoff, retryMaxBackoff);
  }

  /** The shared-subscription filter this ingester subscribes to. */
  String subscriptionFilter() {
    return "$share/" + shareGroup + "/" + MqttUsageSubscriber.TOPIC_FILTER;
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    return new Builder()
        .mqttUrl(mqttUrl)
        .mqttClientId(mqttClientId)
        .shareGroup(shareGroup)
        .coreTarget(coreTarget)
        .serviceToken(serviceToken)
        .batchSize(batchSize)
        .batchMaxDelay(batchMaxDelay)
        .receiveMaximum(receiveMaximum)
        .sessionExpiry(sessionExpiry)
        .retryInitialBackoff(retryInitialBackoff)
        .retryMaxBackoff(retryMaxBackoff)
        .coreCallTimeout(coreCallTimeout)
        .shutdownGracePeriod(shutdownGracePeriod);
  }

  /** Keeps the service token out of logs. */
  @Override
  public String toString() {
    return "IngesterConfig{mqttUrl="
        + mqttUrl
        + ", mqttClientId="
        + mqttClientId
        + ", shareGroup="
        + shareGroup
        + ", coreTarget="
        + coreTarget
        + ", serviceToken=***, batchSize="
        + batchSize
        + ", batchMaxDelay="
        + batchMaxDelay
        + ", receiveMaximum="
        + receiveMaximum
        + ", sessionExpiry="
        + sessionExpiry
        + ", retryInitialBackoff="
        + retryInitialBackoff
        + ", retryMaxBackoff="
        + retryMaxBackoff
        + ", coreCallTimeout="
        + coreCallTimeout
        + ", shutdownGracePeriod="
        + shutdownGracePeriod
        + "}";
  }

  private static void requireText(@Nullable String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + ": blank (expected: non-empty)");
    }
  }

  private static void requirePositive(@Nullable Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }

  /** Builds an {@link IngesterConfig}; only the service token has no default. */
  public static final class Builder {
    private String mqttUrl = DEFAULT_MQTT_URL;
    private String mqttClientId = DEFAULT_MQTT_CLIENT_ID;
    private String shareGroup = DEFAULT_SHARE_GROUP;
    private String coreTarget = DEFAULT_CORE_TARGET;
    private @Nullable String serviceToken;
    private int batchSize = BatchPolicy.DEFAULT.maxSize();
    private Duration batchMaxDelay = BatchPolicy.DEFAULT.maxDelay();
    private int receiveMaximum = 1000;
    private Duration sessionExpiry = Duration.ofDays(1);
    private Duration retryInitialBackoff = BatchPolicy.DEFAULT.initialBackoff();
    private Duration retryMaxBackoff = BatchPolicy.DEFAULT.maxBackoff();
    private Duration coreCallTimeout = Duration.ofSeconds(30);
    private Duration shutdownGracePeriod = Duration.ofSeconds(10);

    private Builder() {}

    public Builder mqttUrl(String mqttUrl) {
      this.mqttUrl = mqttUrl;
      return this;
    }

    public Builder mqttClientId(String mqttClientId) {
      this.mqttClientId = mqttClientId;
      return this;
    }

    public Builder shareGroup(String shareGroup) {
      this.shareGroup = shareGroup;
      return this;
    }

    public Builder coreTarget(String coreTarget) {
      this.coreTarget = coreTarget;
      return this;
    }

    public Builder serviceToken(String serviceToken) {
      this.serviceToken = serviceToken;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder batchMaxDelay(Duration batchMaxDelay) {
      this.batchMaxDelay = batchMaxDelay;
      return this;
    }

    public Builder receiveMaximum(int receiveMaximum) {
      this.receiveMaximum = receiveMaximum;
      return this;
    }

    public Builder sessionExpiry(Duration sessionExpiry) {
      this.sessionExpiry = sessionExpiry;
      return this;
    }

    public Builder retryInitialBackoff(Duration retryInitialBackoff) {
      this.retryInitialBackoff = retryInitialBackoff;
      return this;
    }

    public Builder retryMaxBackoff(Duration retryMaxBackoff) {
      this.retryMaxBackoff = retryMaxBackoff;
      return this;
    }

    public Builder coreCallTimeout(Duration coreCallTimeout) {
      this.coreCallTimeout = coreCallTimeout;
      return this;
    }

    public Builder shutdownGracePeriod(Duration shutdownGracePeriod) {
      this.shutdownGracePeriod = shutdownGracePeriod;
      return this;
    }

    /**
     * @throws NullPointerException if no service token was set
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public IngesterConfig build() {
      return new IngesterConfig(
          mqttUrl,
          mqttClientId,
          shareGroup,
          coreTarget,
          requireNonNull(serviceToken, "serviceToken"),
          batchSize,
          batchMaxDelay,
          receiveMaximum,
          sessionExpiry,
          retryInitialBackoff,
          retryMaxBackoff,
          coreCallTimeout,
          shutdownGracePeriod);
    }
  }
}
