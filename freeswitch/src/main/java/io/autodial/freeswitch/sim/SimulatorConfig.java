package io.autodial.freeswitch.sim;

import java.time.Duration;

/**
 * Simulator settings. {@code timeScale} divides every simulated duration (ring, talk, dialplan delays, AMD, the
 * heartbeat interval); the sessions-per-second window stays one real second, as the dialer's pacing is in real time.
 */
public record SimulatorConfig(String bindHost, int port, String password, int sessionsPerSecond, int maxSessions,
                              double timeScale, CallModel callModel, long seed, String hostname,
                              Duration heartbeatInterval) {

    public SimulatorConfig {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("timeScale must be > 0");
        }
        if (sessionsPerSecond <= 0 || maxSessions <= 0) {
            throw new IllegalArgumentException("sessionsPerSecond and maxSessions must be > 0");
        }
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 8021, "ClueCon", 30, 4000, 1.0, CallModel.defaults(), 42L,
                "autodial-sim", Duration.ofSeconds(20));
    }

    public SimulatorConfig withBindHost(String v) {
        return new SimulatorConfig(v, port, password, sessionsPerSecond, maxSessions, timeScale, callModel, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withPort(int v) {
        return new SimulatorConfig(bindHost, v, password, sessionsPerSecond, maxSessions, timeScale, callModel, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withPassword(String v) {
        return new SimulatorConfig(bindHost, port, v, sessionsPerSecond, maxSessions, timeScale, callModel, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withSessionsPerSecond(int v) {
        return new SimulatorConfig(bindHost, port, password, v, maxSessions, timeScale, callModel, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withMaxSessions(int v) {
        return new SimulatorConfig(bindHost, port, password, sessionsPerSecond, v, timeScale, callModel, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withTimeScale(double v) {
        return new SimulatorConfig(bindHost, port, password, sessionsPerSecond, maxSessions, v, callModel, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withCallModel(CallModel v) {
        return new SimulatorConfig(bindHost, port, password, sessionsPerSecond, maxSessions, timeScale, v, seed, hostname, heartbeatInterval);
    }

    public SimulatorConfig withSeed(long v) {
        return new SimulatorConfig(bindHost, port, password, sessionsPerSecond, maxSessions, timeScale, callModel, v, hostname, heartbeatInterval);
    }

    public SimulatorConfig withHostname(String v) {
        return new SimulatorConfig(bindHost, port, password, sessionsPerSecond, maxSessions, timeScale, callModel, seed, v, heartbeatInterval);
    }

    public SimulatorConfig withHeartbeatInterval(Duration v) {
        return new SimulatorConfig(bindHost, port, password, sessionsPerSecond, maxSessions, timeScale, callModel, seed, hostname, v);
    }
}
