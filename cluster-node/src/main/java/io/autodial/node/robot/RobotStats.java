package io.autodial.node.robot;

import java.time.Duration;
import java.util.List;

/**
 * What a robot agent has done so far. {@code offerToConnect} holds, per call, the time from {@code
 * callOffered} to {@code callConnected}: how long the node took to bridge the customer to the agent.
 */
public record RobotStats(
    int callsOffered,
    int callsConnected,
    int hangupsSent,
    int dispositionsSent,
    int errorsReceived,
    int reconnects,
    List<Duration> offerToConnect) {}
