package io.autodial.node.config;

import com.typesafe.config.Config;
import io.autodial.freeswitch.esl.EslSettings;
import io.autodial.freeswitch.esl.SwitchSettings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** The node's own settings, read from the {@code autodial} section of the configuration. */
public record NodeSettings(
    String httpHost,
    int httpPort,
    String adminPassword,
    String tokenSecret,
    java.time.Duration tokenLifetime,
    String defaultRegion,
    boolean simulatorEnabled,
    int simulatorPort,
    double simulatorTimeScale,
    int simulatorSessionsPerSecond,
    double timeScale,
    EslSettings esl) {

  public static NodeSettings from(Config config) {
    Config a = config.getConfig("autodial");
    Config esl = a.getConfig("esl");
    List<SwitchSettings> switches =
        esl.getConfigList("switches").stream()
            .map(
                s ->
                    new SwitchSettings(
                        s.getString("id"),
                        s.getString("host"),
                        s.getInt("port"),
                        s.getString("password"),
                        s.getString("customer-dial-string"),
                        s.getString("gateway"),
                        s.getString("agent-dial-string"),
                        s.getInt("sessions-per-second")))
            .toList();
    String password = a.getString("auth.admin-password");
    String secret = a.getString("auth.token-secret");
    if (!(a.getDouble("time-scale") > 0)) throw new IllegalArgumentException("autodial.time-scale must be above 0");
    return new NodeSettings(
        a.getString("http.host"),
        a.getInt("http.port"),
        password.isBlank() ? randomSecret() : password,
        secret.isBlank() ? randomSecret() + randomSecret() : secret,
        a.getDuration("auth.token-lifetime"),
        a.getString("leads.default-region"),
        a.getBoolean("simulator.enabled"),
        a.getInt("simulator.port"),
        a.getDouble("simulator.time-scale"),
        a.getInt("simulator.sessions-per-second"),
        a.getDouble("time-scale"),
        new EslSettings(
            switches,
            esl.getDuration("command-timeout"),
            esl.getDuration("originate-grace"),
            esl.getDuration("max-reconnect-backoff")));
  }

  /** A secret for this run only, for what the operator did not configure. */
  public static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
