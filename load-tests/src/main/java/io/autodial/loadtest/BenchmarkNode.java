package io.autodial.loadtest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.db.EmbeddedDatabase;
import java.util.List;
import java.util.Map;

/** The configuration every benchmark's node runs with: one switch (the simulator), the embedded database, HTTP and remoting on 127.0.0.1 at free ports. */
public final class BenchmarkNode {
  private BenchmarkNode() {}

  public static Config config(
      EmbeddedDatabase db, FreeSwitchSimulator sim, String eslPassword, int sessionsPerSecond, String adminPassword, String tokenSecret) {
    Map<String, Object> switchConfig =
        Map.of(
            "id", "fs1",
            "host", sim.host(),
            "port", sim.port(),
            "password", eslPassword,
            "customer-dial-string", "sofia/gateway/{gateway}/{number}",
            "gateway", "carrier",
            "agent-dial-string", "user/{agent}",
            "sessions-per-second", sessionsPerSecond);
    return ConfigFactory.empty()
        .withValue("autodial.simulator.enabled", ConfigValueFactory.fromAnyRef(false))
        .withValue("autodial.database.url", ConfigValueFactory.fromAnyRef(db.jdbcUrl()))
        .withValue("autodial.database.user", ConfigValueFactory.fromAnyRef("postgres"))
        .withValue("autodial.database.password", ConfigValueFactory.fromAnyRef(""))
        .withValue("autodial.http.host", ConfigValueFactory.fromAnyRef("127.0.0.1"))
        .withValue("autodial.http.port", ConfigValueFactory.fromAnyRef(0))
        .withValue("autodial.compliance.company-numbers", ConfigValueFactory.fromAnyRef("+12125550000"))
        .withValue("autodial.auth.admin-password", ConfigValueFactory.fromAnyRef(adminPassword))
        .withValue("autodial.auth.token-secret", ConfigValueFactory.fromAnyRef(tokenSecret))
        .withValue("autodial.esl.switches", ConfigValueFactory.fromIterable(List.of(switchConfig)))
        .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef("127.0.0.1"))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(0))
        .withFallback(ConfigFactory.load());
  }

  /**
   * Benchmarks measure dialing, not the compliance rules: the campaign may call at any hour, and
   * it starts with a long clean history so its 30-day abandonment rate neither holds pacing to
   * progressive nor pauses it (the pacer's own hourly and 8-hour caps still apply).
   */
  public static void dialAnyTime(com.fasterxml.jackson.databind.node.ObjectNode campaign) {
    campaign.set("compliance", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("callingStart", "00:00").put("callingEnd", "24:00"));
  }

  public static void cleanHistory(io.autodial.node.AutodialNode node, String campaignId) {
    try (java.sql.Connection c = node.readModel().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "INSERT INTO campaign_abandonment_hours (campaign_id, hour, live) VALUES (?, date_trunc('hour', now() - interval '1 day'), 100000)")) {
      c.setAutoCommit(true);
      ps.setString(1, campaignId);
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not give campaign " + campaignId + " a history: " + e.getMessage(), e);
    }
  }
}
