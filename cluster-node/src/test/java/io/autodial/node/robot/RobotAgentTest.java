package io.autodial.node.robot;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.protocol.agent.AgentClientMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The robot against the real agent socket route, with a fake node behind it. */
class RobotAgentTest {
  private static ActorSystem<Void> system;
  private DialingGateway gateway;
  private RobotTestServer server;
  private RobotAgent robot;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "robot-agent-test");
  }

  @AfterAll
  static void stopSystem() {
    system.terminate();
  }

  @AfterEach
  void stop() {
    if (robot != null) robot.stop();
    if (server != null) server.close();
    if (gateway != null) gateway.shutdown();
  }

  private void serve(Duration customerHangsUpAfter) {
    gateway = new DialingGateway(customerHangsUpAfter);
    server = new RobotTestServer(system, gateway);
  }

  @Test
  void worksCallAfterCallUntilStopped() {
    serve(null);
    robot = RobotAgent.start(server.httpBase(), "robot", "secret",
        new RobotBehaviour(() -> Duration.ofMillis(30), () -> Duration.ofMillis(10), codes -> codes.get(codes.size() - 1)));

    eventually("three calls dispositioned", () -> robot.stats().dispositionsSent() >= 3);
    // the node has them (ready, then a hangup and a disposition per call) before the robot stops:
    // a message still in the socket when it closes is lost
    eventually("the node received the first three calls' messages", () -> gateway.received.size() >= 1 + 2 * 3);
    robot.stop();
    sleep(200); // what was sent before stop is still arriving
    RobotStats counters = robot.stats();
    int sent = gateway.received.size();

    assertThat(counters.callsConnected()).isGreaterThanOrEqualTo(3);
    assertThat(counters.hangupsSent()).isGreaterThanOrEqualTo(3);
    assertThat(counters.errorsReceived()).isZero();
    assertThat(counters.reconnects()).isZero();
    // the node took OFFER_TO_CONNECT to bridge each call: that is what the robot measured (less
    // when the offer itself reached the robot late, as it does on a loaded machine)
    assertThat(counters.offerToConnect()).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(d -> assertThat(d).isBetween(DialingGateway.OFFER_TO_CONNECT.dividedBy(2), Duration.ofSeconds(2)));
    // ready once, then per call: hangup, then a disposition chosen from the offered list
    List<AgentClientMessage> received = gateway.received;
    assertThat(received.get(0)).isInstanceOf(AgentClientMessage.Ready.class);
    for (int call = 0; call < 3; call++) {
      assertThat(received.get(1 + 2 * call)).isInstanceOf(AgentClientMessage.Hangup.class);
      assertThat(received.get(2 + 2 * call)).isInstanceOfSatisfying(AgentClientMessage.Disposition.class,
          d -> assertThat(d.code()).isEqualTo("NO_INTEREST"));
    }
    sleep(300);
    assertThat(gateway.received).as("nothing after stop").hasSize(sent);
  }

  @Test
  void doesNotHangUpACallTheCustomerEndedFirst() {
    serve(Duration.ofMillis(20));
    robot = RobotAgent.start(server.httpBase(), "robot", "secret", RobotBehaviour.fixed(Duration.ofMillis(500), Duration.ofMillis(10)));

    eventually("two calls dispositioned", () -> robot.stats().dispositionsSent() >= 2);
    assertThat(robot.stats().hangupsSent()).isZero();
    assertThat(gateway.received).noneMatch(m -> m instanceof AgentClientMessage.Hangup);
    assertThat(robot.stats().errorsReceived()).isZero();
  }

  @Test
  void reconnectsAndReauthenticatesWhenTheSocketDrops() {
    serve(null);
    robot = RobotAgent.start(server.httpBase(), "robot", "secret", RobotBehaviour.fixed(Duration.ofMillis(200), Duration.ofMillis(10)));
    eventually("first call dispositioned", () -> robot.stats().dispositionsSent() >= 1);

    for (int drop = 1; drop <= 5; drop++) { // dropped at whatever point of a call the robot is
      gateway.floodConnection();
      int attaches = drop + 1;
      eventually("attached again", () -> gateway.attaches.get() == attaches);
      int before = robot.stats().dispositionsSent();
      eventually("works on after the reconnect", () -> robot.stats().dispositionsSent() >= before + 1);
    }
    assertThat(robot.stats().reconnects()).isGreaterThanOrEqualTo(5);
    assertThat(robot.stats().errorsReceived()).isZero();
  }

  @Test
  void keepsTryingWhenTheLoginIsRefused() {
    serve(null);
    robot = RobotAgent.start(server.httpBase(), "robot", "wrong", RobotBehaviour.fixed(Duration.ofMillis(10), Duration.ofMillis(10)));
    eventually("retried", () -> robot.stats().reconnects() >= 2);
    assertThat(gateway.attaches.get()).isZero();
  }

  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
