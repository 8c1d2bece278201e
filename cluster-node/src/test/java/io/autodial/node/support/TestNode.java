package io.autodial.node.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.AutodialNode;
import io.autodial.node.db.DatabaseSettings;
import java.util.List;
import java.util.Map;

/**
 * Configuration for a node under test: its own database and an external simulator (so both
 * outlive a node restart), HTTP and cluster on free ports.
 */
public final class TestNode {
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private TestNode() {}

  public static Config config(DatabaseSettings db, FreeSwitchSimulator sim, String eslPassword) {
    Map<String, Object> switchConfig =
        Map.of(
            "id", "fs1",
            "host", sim.host(),
            "port", sim.port(),
            "password", eslPassword,
            "customer-dial-string", "sofia/gateway/{gateway}/{number}",
            "gateway", "carrier",
            "agent-dial-string", "user/{agent}",
            "sessions-per-second", 200);
    return ConfigFactory.empty()
        .withValue("autodial.simulator.enabled", ConfigValueFactory.fromAnyRef(false))
        .withValue("autodial.database.url", ConfigValueFactory.fromAnyRef(db.url()))
        .withValue("autodial.database.user", ConfigValueFactory.fromAnyRef(db.user()))
        .withValue("autodial.database.password", ConfigValueFactory.fromAnyRef(db.password()))
        .withValue("autodial.http.port", ConfigValueFactory.fromAnyRef(0))
        .withValue("autodial.compliance.company-numbers", ConfigValueFactory.fromAnyRef("+12125550000"))
        .withValue("autodial.auth.admin-password", ConfigValueFactory.fromAnyRef(ADMIN_PASSWORD))
        .withValue("autodial.auth.token-secret", ConfigValueFactory.fromAnyRef("test-token-secret-0123456789-0123456789"))
        .withValue("autodial.esl.originate-grace", ConfigValueFactory.fromAnyRef("3s"))
        .withValue("autodial.esl.switches", ConfigValueFactory.fromIterable(List.of(switchConfig)))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(0))
        .withFallback(ConfigFactory.load());
  }

  public static AutodialNode start(DatabaseSettings db, FreeSwitchSimulator sim, String eslPassword) {
    return AutodialNode.start(config(db, sim, eslPassword));
  }
}
