package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static io.autodial.node.support.Campaigns.awaitCount;
import static io.autodial.node.support.Campaigns.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.CallOutcome;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.AutodialNode;
import io.autodial.node.support.AgentSocket;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.CallProbe;
import io.autodial.node.support.Campaigns;
import io.autodial.node.support.SimulatedFloor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent's own calls end to end, over HTTP and the agent WebSocket: previews skipped (with the
 * reason kept, the lead back in the pool) and dialed (bridged to that agent), and a lead dialed by
 * hand, which two agents cannot dial at once.
 */
class AgentDialingE2ETest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    // everyone answers after 0.4-0.6 s and stays on the line until the agent hangs up
    CallModel answers = CallModel.always(CallOutcome.ANSWER).withRing(Duration.ofSeconds(2), Duration.ofSeconds(3)).withTalk(Duration.ofSeconds(60), 0.1, 0.0);
    floor = SimulatedFloor.start(answers, 5);
    sim = floor.sim();
    node = floor.node();
    admin = floor.admin();
  }

  @AfterAll
  static void stop() {
    if (floor != null) floor.close();
  }

  private static AgentSocket readyAgent(String username, String campaignId) {
    Campaigns.agent(admin, username, campaignId);
    AgentSocket agent = AgentSocket.open(admin, username, Campaigns.password(username));
    agent.ok("ready");
    return agent;
  }

  @Test
  void previewsAreSkippedWithAReasonOrDialedAndBridgedToTheAgent() throws Exception {
    long leadset = Campaigns.leadset(admin, "preview list", "212", 1);
    String campaign = Campaigns.campaign(admin, "Preview", leadset, Map.of("mode", "PREVIEW", "amd", false));
    try (AgentSocket ann = readyAgent("ann", campaign)) {
      ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));

      JsonNode preview = ann.awaitPush("preview", WAIT).get("call");
      long leadId = preview.at("/lead/id").asLong();
      assertThat(preview.get("script").asText()).isEqualTo("Hi Person1");
      assertThat(ok(admin.get("/api/leads/" + leadId)).get("status").asText()).isEqualTo("DIALING");
      // nothing was dialed ahead of the agent
      assertThat(count(node.readModel(), "SELECT count(*) FROM call_log WHERE campaign_id = '" + campaign + "'")).isZero();

      // pause the campaign so the lead is not offered again at once, then skip it
      ok(admin.post("/api/campaigns/" + campaign + "/pause", Map.of()));
      ann.ok("previewSkip", "reason", "asked not to be called before noon");
      ann.awaitState("READY", WAIT);
      awaitCount(node.readModel(), "SELECT count(*) FROM leads WHERE id = " + leadId + " AND status = 'NEW' AND attempts = 0 AND reserved_by_call IS NULL", 1, WAIT);
      JsonNode skips = ok(admin.get("/api/leads/" + leadId + "/skips"));
      assertThat(skips).hasSize(1);
      assertThat(skips.get(0).get("reason").asText()).isEqualTo("asked not to be called before noon");
      assertThat(skips.get(0).get("agentId").asText()).isEqualTo("ann");

      // offered again, this time dialed: the customer is bridged to ann
      ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));
      String callUuid = ann.awaitPush("preview", WAIT).at("/call/callUuid").asText();
      ann.ok("previewDial");
      ann.awaitState("DIALING", WAIT);
      JsonNode connected = ann.awaitPush("callConnected", WAIT);
      assertThat(connected.at("/call/callUuid").asText()).isEqualTo(callUuid);
      var call = new CallProbe(node.system(), node.readModel()).call(callUuid);
      assertThat(call.agentId()).isEqualTo("ann");
      assertThat(call.bridgedTo()).isNotNull();
      assertThat(call.abandoned()).isFalse();

      ann.ok("hangup");
      ann.awaitPush("wrapUpStarted", WAIT);
      ann.ok("disposition", "code", "SALE MADE");
      awaitCount(node.readModel(), "SELECT count(*) FROM leads WHERE id = " + leadId + " AND status = 'ANSWERED'", 1, WAIT);
    }
  }

  @Test
  void anAgentDialsALeadByIdAndASecondDialOfItIsRefused() throws Exception {
    long leadset = Campaigns.leadset(admin, "manual list", "646", 2);
    // a paused power campaign: nothing dials by itself, agents dial by hand
    String campaign = Campaigns.campaign(admin, "Manual", leadset, Map.of("amd", false));
    long leadId = count(node.readModel(), "SELECT min(id) FROM leads WHERE leadset_id = " + leadset);
    try (AgentSocket bob = readyAgent("bob", campaign); AgentSocket cat = readyAgent("cat", campaign)) {
      bob.awaitState("READY", WAIT);
      cat.awaitState("READY", WAIT);
      Thread.sleep(300); // their phone legs come up

      // staff may not dial for an agent, an agent not for another one
      assertThat(admin.post("/api/agents/bob/dial", Map.of("leadId", leadId)).status()).isEqualTo(403);
      assertThat(cat.api().post("/api/agents/bob/dial", Map.of("leadId", leadId)).status()).isEqualTo(403);
      ApiClient.Response noLead = bob.api().post("/api/agents/bob/dial", Map.of());
      assertThat(noLead.status()).isEqualTo(400);
      assertThat(noLead.body().get("message").asText()).contains("leadId");

      // both at once: exactly one gets the lead
      var byBob = CompletableFuture.supplyAsync(() -> bob.api().post("/api/agents/bob/dial", Map.of("leadId", leadId)));
      var byCat = CompletableFuture.supplyAsync(() -> cat.api().post("/api/agents/cat/dial", Map.of("leadId", leadId)));
      List<ApiClient.Response> both = List.of(byBob.join(), byCat.join());
      assertThat(both).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 409);
      ApiClient.Response refused = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
      assertThat(refused.body().get("message").asText()).contains("being dialed");
      assertThat(refused.body().get("status").asInt()).isEqualTo(409);
      ApiClient.Response dialed = both.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
      String winner = dialed.body().get("agentId").asText();
      AgentSocket winnerSocket = winner.equals("bob") ? bob : cat;

      JsonNode connected = winnerSocket.awaitPush("callConnected", WAIT);
      assertThat(connected.at("/call/callUuid").asText()).isEqualTo(dialed.body().get("callUuid").asText());
      assertThat(connected.at("/call/lead/id").asLong()).isEqualTo(leadId);
      assertThat(new CallProbe(node.system(), node.readModel()).call(dialed.body().get("callUuid").asText()).agentId()).isEqualTo(winner);

      // the other agent dials the other lead over the WebSocket
      AgentSocket other = winnerSocket == bob ? cat : bob;
      long otherLead = Campaigns.count(node.readModel(), "SELECT max(id) FROM leads WHERE leadset_id = " + leadset);
      JsonNode busy = other.awaitReply(other.send("dialLead", "leadId", leadId));
      assertThat(busy.get("type").asText()).isEqualTo("error");
      other.ok("dialLead", "leadId", otherLead);
      other.awaitPush("callConnected", WAIT);
    }
  }
}
