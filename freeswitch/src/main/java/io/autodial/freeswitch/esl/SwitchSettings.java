package io.autodial.freeswitch.esl;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One FreeSWITCH box: where its Event Socket listens, how to dial through it, and how many new
 * sessions per second it accepts. Templates use {@code {number}}, {@code {gateway}} and {@code
 * {agent}}, e.g. {@code sofia/gateway/{gateway}/{number}}, {@code loopback/{number}/default} or
 * {@code user/{agent}}.
 */
public record SwitchSettings(
    String id,
    String host,
    int port,
    String password,
    String customerDialString,
    String gateway,
    String agentDialString,
    int sessionsPerSecond) {

  public SwitchSettings {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("switch id is required");
    if (port <= 0 || port > 65535) throw new IllegalArgumentException("switch " + id + ": bad port " + port);
    if (sessionsPerSecond < 1)
      throw new IllegalArgumentException("switch " + id + ": sessions-per-second must be >= 1");
    if (!customerDialString.contains("{number}"))
      throw new IllegalArgumentException("switch " + id + ": customer dial string needs {number}");
    if (!agentDialString.contains("{agent}"))
      throw new IllegalArgumentException("switch " + id + ": agent dial string needs {agent}");
  }

  /**
   * The ESL client names a connection by the peer's IP and port, so a host name must be resolved
   * to the address the socket will report.
   */
  String address() {
    try {
      return InetAddress.getByName(host).getHostAddress() + ":" + port;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("switch " + id + ": cannot resolve host " + host, e);
    }
  }

  String customerDialString(String number) {
    return customerDialString.replace("{gateway}", gateway).replace("{number}", number);
  }

  String agentDialString(String agent) {
    return agentDialString.replace("{agent}", agent);
  }
}
