package dev.furrow.local;

import static dev.furrow.local.LendingApiRestTest.END_USER;
import static dev.furrow.local.LendingApiRestTest.END_USERS;
import static dev.furrow.local.LendingApiRestTest.PRODUCT;
import static dev.furrow.local.LendingApiRestTest.PRODUCTS;
import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code Idempotency-Key} header on the mutating endpoints of the lending face, end to end:
 * replays answer what the first call answered, with no second effect; another request under the key
 * is a 409; racing duplicates make one resource; keys are per partner.
 */
class LendingIdempotencyRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  static final String LOANS = "/api/v1/loans/loan/";

  private static final JsonNode KEY_REUSED =
      json("{\"detail\": \"Idempotency key already used for a different request.\"}");

  @Test
  void aReplayAnswersTheSameStatusAndBodyAndCreatesNothing() {
    final Partner partner = system.newPartner();
    final String key = newKey();

    final Reply first = partner.send("POST", END_USERS, END_USER, key);
    final Reply replay = partner.send("POST", END_USERS, END_USER, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(endUserCount(partner)).isEqualTo(1);
  }

  @Test
  void theBodyIsComparedAsTheGatewayReadsIt() {
    final Partner partner = system.newPartner();
    final String key = newKey();
    final Reply first = partner.send("POST", END_USERS, END_USER, key);

    // The same fields in another order and layout are the same request.
    final JsonNode fields = json(END_USER);
    final StringBuilder reordered = new StringBuilder("{\n");
    final List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    for (int i = names.size() - 1; i >= 0; i--) {
      reordered
          .append("  \"")
          .append(names.get(i))
          .append("\" : ")
          .append(fields.get(names.get(i)));
      reordered.append(i > 0 ? ",\n" : "\n");
    }
    final Reply replay = partner.send("POST", END_USERS, reordered.append("}").toString(), key);

    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(endUserCount(partner)).isEqualTo(1);
  }

  @Test
  void theKeyWithAnotherRequestIsAConflictNamingIt() {
    final Partner partner = system.newPartner();
    final String key = newKey();
    final Reply first = partner.send("POST", END_USERS, END_USER, key);
    final String id = first.json().get("id").asText();

    final Reply otherBody =
        partner.send("POST", END_USERS, END_USER.replace("\"Amina\"", "\"Bola\""), key);
    final Reply otherMethod =
        partner.send("PATCH", END_USERS + id + "/", "{\"first_name\": \"Bola\"}", key);

    assertThat(otherBody.status()).isEqualTo(409);
    assertThat(otherBody.json()).isEqualTo(KEY_REUSED);
    assertThat(otherMethod.status()).isEqualTo(409);
    assertThat(otherMethod.json()).isEqualTo(KEY_REUSED);
    assertThat(endUserCount(partner)).isEqualTo(1);
    assertThat(partner.get(END_USERS + id + "/").json().get("first_name").asText())
        .isEqualTo("Amina");
  }

  @Test
  void aFieldErrorDoesNotUseUpTheKey() {
    final Partner partner = system.newPartner();
    final String key = newKey();

    final Reply invalid = partner.send("POST", END_USERS, "{\"first_name\": \"Amina\"}", key);
    final Reply corrected = partner.send("POST", END_USERS, END_USER, key);

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("last_name")).isEqualTo(json("[\"This field is required.\"]"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
    assertThat(endUserCount(partner)).isEqualTo(1);
  }

  @Test
  void tenRacingIdenticalPostsCreateOneEndUser() throws Exception {
    final Partner partner = system.newPartner();
    final String key = newKey();
    final int clients = 10;
    final ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      final CountDownLatch start = new CountDownLatch(1);
      final List<Future<Reply>> posts = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        posts.add(
            pool.submit(
                () -> {
                  start.await();
                  return partner.send("POST", END_USERS, END_USER, key);
                }));
      }
      start.countDown();
      final List<Reply> replies = new ArrayList<>();
      for (Future<Reply> post : posts) {
        replies.add(post.get());
      }

      assertThat(replies).extracting(Reply::status).containsOnly(201);
      assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
      assertThat(endUserCount(partner)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keysArePerPartner() {
    final Partner mine = system.newPartner();
    final Partner theirs = system.newPartner();
    final String key = newKey();

    final Reply first = mine.send("POST", END_USERS, END_USER, key);
    final Reply other = theirs.send("POST", END_USERS, END_USER, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.json().get("id")).isNotEqualTo(first.json().get("id"));
    assertThat(endUserCount(mine)).isEqualTo(1);
    assertThat(endUserCount(theirs)).isEqualTo(1);
  }

  @Test
  void withoutTheHeaderEveryPostCreates() {
    final Partner partner = system.newPartner();

    partner.create(END_USERS, END_USER);
    partner.create(END_USERS, END_USER);

    assertThat(endUserCount(partner)).isEqualTo(2);
  }

  @Test
  void actionsReplayTheirFirstAnswerInsteadOfRefusingTheRepeat() {
    final Partner partner = system.newPartner();
    final String product = partner.create(PRODUCTS, PRODUCT).get("id").asText();
    final String publish = PRODUCTS + product + "/publish/";
    final String key = newKey();

    final Reply published = partner.send("POST", publish, null, key);
    final Reply replay = partner.send("POST", publish, "{\"ignored\": true}", key);
    final Reply withoutKey = partner.post(publish, null);

    assertThat(published.status()).as(published.body()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(published.body());
    assertThat(withoutKey.status()).isEqualTo(409);
  }

  @Test
  void updatesAndDeletesReplayToo() {
    final Partner partner = system.newPartner();
    final String id = partner.create(END_USERS, END_USER).get("id").asText();
    final String key = newKey();

    final Reply patched = partner.send("PATCH", END_USERS + id + "/", "{\"city\": \"Zaria\"}", key);
    partner.patch(END_USERS + id + "/", "{\"city\": \"Kaduna\"}");
    final Reply replay = partner.send("PATCH", END_USERS + id + "/", "{\"city\": \"Zaria\"}", key);

    assertThat(patched.status()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(patched.body());
    assertThat(partner.get(END_USERS + id + "/").json().get("city").asText()).isEqualTo("Kaduna");

    final String product = partner.create(PRODUCTS, PRODUCT).get("id").asText();
    final String deleteKey = newKey();
    final Reply deleted = partner.send("DELETE", PRODUCTS + product + "/", null, deleteKey);
    final Reply deletedAgain = partner.send("DELETE", PRODUCTS + product + "/", null, deleteKey);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deletedAgain.status()).isEqualTo(204);
    assertThat(partner.delete(PRODUCTS + product + "/").status()).isEqualTo(404);
  }

  @Test
  void aLoanClosedWithAKeyIsClosedOnceAndItsRetryReplays() {
    final Partner partner = system.newPartner();
    final String loan = disbursedLoan(partner, "40000");
    final String close = LOANS + loan + "/close/";
    final String body = "{\"close_reason\": \"Unreachable\", \"close_substatus\": \"written_off\"}";
    final String key = newKey();

    final Reply closed = partner.send("POST", close, body, key);
    final Reply retry = partner.send("POST", close, body, key);

    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(closed.body());
    final JsonNode ledger = partner.get(LOANS + loan + "/ledger/").json();
    assertThat(ledger.get("consistent").booleanValue()).isTrue();
    // The disbursement, the product's disbursement fee, and one write-off.
    assertThat(ledger.get("entries").asLong()).isEqualTo(3);
    assertThat(ledger.get("written_off").get("outstanding").asText()).isEqualTo("42500.00");
  }

  @Test
  void aKeyTheCoreCannotTakeIsAFieldErrorOfTheHeader() {
    final Partner partner = system.newPartner();

    final Reply tooLong = partner.send("POST", END_USERS, END_USER, "k".repeat(256));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json())
        .isEqualTo(
            json(
                "{\"Idempotency-Key\": [\"Ensure this field has no more than 255 characters.\"]}"));
    assertThat(endUserCount(partner)).isZero();
  }

  @Test
  void readsIgnoreTheHeader() {
    final Partner partner = system.newPartner();
    final String id = partner.create(END_USERS, END_USER).get("id").asText();
    final String key = newKey();

    assertThat(partner.send("GET", END_USERS + id + "/", null, key).status()).isEqualTo(200);
    assertThat(partner.send("GET", END_USERS, null, key).status()).isEqualTo(200);
    assertThat(partner.send("POST", END_USERS, END_USER, key).status()).isEqualTo(201);
  }

  /** An approved loan of {@code amount}, fully disbursed. */
  static String disbursedLoan(Partner partner, String amount) {
    final String loan = partner.openLoan(partner.publishedProduct(PRODUCT), amount, "12");
    partner.create(
        "/api/v1/transactions/transaction/",
        """
        {"loan": "%s", "type": "disbursement", "amount": "%s", "idempotency_key": "%s"}
        """
            .formatted(loan, amount, newKey()));
    return loan;
  }

  private static long endUserCount(Partner partner) {
    return partner.get(END_USERS).json().get("count").asLong();
  }

  private static String newKey() {
    return "key-" + UUID.randomUUID();
  }
}
