package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.TestDatabases;
import io.autodial.node.support.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API over HTTP: who may do what, what bad requests get back, and the campaign lifecycle. */
class AdminApiTest {
  private static final String PASSWORD = "api-" + UUID.randomUUID();
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(PASSWORD));
    node = TestNode.start(TestDatabases.fresh(), sim, PASSWORD);
    admin = new ApiClient(node.httpAddress()).login("admin", TestNode.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    node.close();
    sim.close();
  }

  private static Map<String, Object> campaign(String name) {
    return Map.of("name", name, "callerId", "+12125550000", "ringTimeoutSeconds", 20, "multiplier", 1.5);
  }

  @Test
  void nothingButHealthAndLoginIsServedWithoutAToken() {
    ApiClient anonymous = new ApiClient(node.httpAddress());
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    for (String path : List.of("/api/campaigns", "/api/agents", "/api/users", "/api/leadsets", "/api/calls/" + UUID.randomUUID())) {
      ApiClient.Response r = anonymous.get(path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.body().get("message").asText()).contains("Bearer");
    }
    ApiClient.Response badLogin = anonymous.post("/api/login", Map.of("username", "admin", "password", "wrong"));
    assertThat(badLogin.status()).isEqualTo(401);
    assertThat(badLogin.body().get("message").asText()).contains("wrong password");
  }

  @Test
  void anAgentReachesOnlyItsOwnThings() {
    String campaignId = ok(admin.post("/api/campaigns", campaign("agents only " + UUID.randomUUID()))).get("id").asText();
    ok(admin.post("/api/agents", Map.of("username", "amy", "password", "amy-password", "campaignId", campaignId)));
    ok(admin.post("/api/agents", Map.of("username", "bo", "password", "bo-password")));
    ApiClient amy = new ApiClient(node.httpAddress()).login("amy", "amy-password");

    assertThat(ok(amy.get("/api/agents/amy")).get("campaignId").asText()).isEqualTo(campaignId);
    assertThat(amy.get("/api/agents/bo").status()).isEqualTo(403);
    assertThat(amy.get("/api/campaigns").status()).isEqualTo(403);
    assertThat(amy.get("/api/users").status()).isEqualTo(403);
    assertThat(amy.post("/api/campaigns", campaign("not mine")).status()).isEqualTo(403);
    assertThat(amy.post("/api/calls", Map.of("destination", "15551230001")).status()).isEqualTo(403);
  }

  @Test
  void badRequestsGetJsonErrorsThatSayWhatToFix() {
    ApiClient.Response shortRing = admin.post("/api/campaigns", Map.of("name", "x", "callerId", "+12125550000", "ringTimeoutSeconds", 10));
    assertThat(shortRing.status()).isEqualTo(400);
    assertThat(shortRing.body().get("message").asText()).contains("at least 15");
    ApiClient.Response noCallerId = admin.post("/api/campaigns", Map.of("name", "x"));
    assertThat(noCallerId.status()).isEqualTo(400);
    assertThat(noCallerId.body().get("message").asText()).contains("callerId");
    ApiClient.Response badRule = admin.post("/api/campaigns", Map.of("name", "x", "callerId", "+12125550000", "retryRules", Map.of("SOMETIMES", Map.of("delayMinutes", 1, "maxAttempts", 1))));
    assertThat(badRule.status()).isEqualTo(400);
    assertThat(badRule.body().get("message").asText()).contains("unknown outcome SOMETIMES");
    ApiClient.Response notJson = admin.post("/api/campaigns", "{name:");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(admin.get("/api/campaigns/c-nothere").status()).isEqualTo(404);
    assertThat(admin.post("/api/campaigns/c-nothere/start", Map.of()).status()).isEqualTo(404);
    ApiClient.Response badAction = admin.post("/api/campaigns/c-nothere/launch", Map.of());
    assertThat(badAction.status()).isEqualTo(404);
    assertThat(badAction.body().get("message").asText()).contains("start, pause or stop");
    ApiClient.Response shortPassword = admin.post("/api/users", Map.of("username", "sam", "password", "short", "role", "SUPERVISOR"));
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.body().get("message").asText()).contains("at least 8");
  }

  @Test
  void aCampaignsLifecycle() throws Exception {
    String name = "lifecycle " + UUID.randomUUID();
    JsonNode created = ok(admin.post("/api/campaigns", Map.of(
        "name", name, "callerId", "+12125550000", "dispositions", List.of("Left voicemail"),
        "script", "Hi {{first_name}}", "retryRules", Map.of("BUSY", Map.of("delayMinutes", 5, "maxAttempts", 4)))));
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("PAUSED");
    assertThat(created.get("ringTimeoutSeconds").asInt()).isGreaterThanOrEqualTo(15);
    assertThat(created.get("dispositions").toString()).contains("SALE MADE", "DO NOT CALL", "LEFT VOICEMAIL");
    assertThat(created.at("/retryRules/BUSY/maxAttempts").asInt()).isEqualTo(4);
    assertThat(created.at("/retryRules/NO_ANSWER/maxAttempts").asInt()).isEqualTo(3);

    JsonNode updated = ok(admin.put("/api/campaigns/" + id, Map.of("multiplier", 2.5)));
    assertThat(updated.get("multiplier").asDouble()).isEqualTo(2.5);
    assertThat(updated.get("script").asText()).isEqualTo("Hi {{first_name}}");
    assertThat(ok(admin.post("/api/campaigns/" + id + "/start", Map.of())).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(ok(admin.post("/api/campaigns/" + id + "/pause", Map.of())).get("status").asText()).isEqualTo("PAUSED");
    assertThat(ok(admin.post("/api/campaigns/" + id + "/stop", Map.of())).get("status").asText()).isEqualTo("STOPPED");
    ApiClient.Response restart = admin.post("/api/campaigns/" + id + "/start", Map.of());
    assertThat(restart.status()).isEqualTo(400);
    assertThat(restart.body().get("message").asText()).contains("stopped for good");

    // the list is a read model: it follows shortly
    awaitListed(name, true);
    assertThat(admin.delete("/api/campaigns/" + id).status()).isEqualTo(204);
    assertThat(admin.get("/api/campaigns/" + id).status()).isEqualTo(404);
    awaitListed(name, false);
  }

  private static void awaitListed(String name, boolean listed) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (ok(admin.get("/api/campaigns")).toString().contains(name) == listed) return;
      Thread.sleep(100);
    }
    throw new AssertionError(name + (listed ? " never listed" : " still listed"));
  }
}
