package io.autodial.node.support;

import com.typesafe.config.Config;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.robot.RobotAgent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * What an end-to-end test of dialing runs against: a FreeSWITCH simulator with the test's call
 * model (time-scaled, reached over ESL with its own password), a node on a fresh database dialing
 * through it, an admin logged in over the API, and the robot agents the test starts. Closing it
 * stops them all.
 */
public final class SimulatedFloor implements AutoCloseable {
  private final FreeSwitchSimulator sim;
  private final AutodialNode node;
  private final ApiClient admin;
  private final List<RobotAgent> robots = new CopyOnWriteArrayList<>();

  private SimulatedFloor(FreeSwitchSimulator sim, AutodialNode node) {
    this.sim = sim;
    this.node = node;
    this.admin = new ApiClient(node.httpAddress()).login("admin", TestNode.ADMIN_PASSWORD);
  }

  public static SimulatedFloor start(CallModel model, double simTimeScale) {
    return start(model, simTimeScale, config -> config);
  }

  /** {@code nodeConfig} adjusts the node's test configuration (e.g. its own time scale). */
  public static SimulatedFloor start(CallModel model, double simTimeScale, UnaryOperator<Config> nodeConfig) {
    String password = "floor-" + UUID.randomUUID();
    FreeSwitchSimulator sim = FreeSwitchSimulator.start(
        SimulatorConfig.defaults().withPort(0).withPassword(password).withSessionsPerSecond(200).withTimeScale(simTimeScale).withCallModel(model));
    try {
      return new SimulatedFloor(sim, AutodialNode.start(nodeConfig.apply(TestNode.config(TestDatabases.fresh(), sim, password))));
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  public FreeSwitchSimulator sim() {
    return sim;
  }

  public AutodialNode node() {
    return node;
  }

  public ApiClient admin() {
    return admin;
  }

  /** The robots stopped with the floor; a test adds the ones it starts. */
  public List<RobotAgent> robots() {
    return robots;
  }

  @Override
  public void close() {
    robots.forEach(RobotAgent::stop);
    node.close();
    sim.close();
  }
}
