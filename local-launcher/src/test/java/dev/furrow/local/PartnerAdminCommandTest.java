package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.testing.TestDatabases;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartnerAdminCommandTest {
  private static final String TOKEN = "admin-command-test-token-0123";
  private static TestDatabases.TestDatabase database;
  private static CoreServer core;
  private static ManagedChannel channel;

  @BeforeAll
  static void startCore() {
    database = TestDatabases.create();
    core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN));
    channel = ManagedChannelBuilder.forTarget("127.0.0.1:" + core.port()).usePlaintext().build();
  }

  @AfterAll
  static void stopCore() {
    channel.shutdownNow();
    core.close();
    TestDatabases.drop(database);
  }

  private static Result run(String token, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        new PartnerAdminCommand(
                PartnerAdminCommand.operatorStub(channel, token),
                new PrintStream(bytes, true, StandardCharsets.UTF_8))
            .run(args);
    return new Result(code, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void createsAPartnerIssuesAKeyAndRevokesIt() {
    Result created = run(TOKEN, "create-partner", "Bank of Agriculture");
    assertThat(created.code()).isZero();
    assertThat(created.output()).startsWith("partner 1  Bank of Agriculture  created ");

    Result issued = run(TOKEN, "issue-key", "1", "payg", "reporting");
    assertThat(issued.code()).isZero();
    assertThat(issued.output())
        .startsWith("key 1  partner 1  payg  fw_payg_")
        .contains("label \"reporting\"  active")
        .containsPattern("key \\(shown once\\): fw_payg_[A-Za-z0-9]{32}\n");

    Result revoked = run(TOKEN, "revoke-key", "1");
    assertThat(revoked.code()).isZero();
    assertThat(revoked.output()).contains("label \"reporting\"  revoked ");
    assertThat(run(TOKEN, "list-keys", "1").output()).contains("revoked ");
  }

  @Test
  void wrongTokenIsRefusedWithTheCoresReason() {
    Result result = run("not-the-token-at-all-000", "list-partners");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.output())
        .isEqualTo("refused: UNAUTHENTICATED: This call needs the operator service token.\n");
  }

  @Test
  void unknownFaceIsAUsageError() {
    Result result = run(TOKEN, "issue-key", "1", "web");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.output()).startsWith("face must be lending or payg, not \"web\"\nusage:");
  }

  private record Result(int code, String output) {}
}
