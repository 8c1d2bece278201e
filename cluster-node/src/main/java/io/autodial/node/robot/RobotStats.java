package io.autodial.node.robot;

/** What a robot agent has done so far. */
public record RobotStats(int callsOffered, int callsConnected, int dispositionsSent, int errorsReceived, int reconnects) {}
