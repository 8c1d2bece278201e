package io.autodial.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.autodial.node.demo.DemoSetup;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one node with the configuration in application.conf and the environment. Options: {@code
 * --robots N} robot agents in the demo (default 3), {@code --no-demo} for no demo at all.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    // on two cores the common pool has one thread, and CompletableFuture then starts a new thread
    // for every async callback (Pekko's asks complete through it); set before anything uses it
    if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null)
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "4");
    Config config = ConfigFactory.load();
    boolean demo = config.getBoolean("autodial.demo.enabled");
    int robots = config.getInt("autodial.demo.robots");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--no-demo" -> demo = false;
        case "--robots" -> robots = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --robots N or --no-demo");
      }
    }
    AutodialNode node = AutodialNode.start(config);
    List<RobotAgent> running = new ArrayList<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.forEach(RobotAgent::stop);
                  node.close();
                  stopped.countDown();
                },
                "autodial-shutdown"));
    var http = node.httpAddress();
    URI base = URI.create((node.https() ? "https://" : "http://") + http.getHostString() + ":" + http.getPort());
    System.out.printf(
        """

        Autodial is running.
          HTTP API     %s   (health: /health; log in with POST /api/login)
          Agent page   %s/agent
          Admin login  %s
          Database     %s
          Switch       %s
        """,
        base, base,
        node.createdAdminPassword().map(p -> "admin / " + p).orElse("admin (the password set when the account was created)"),
        node.database().url(),
        node.simulator().map(s -> "built-in FreeSWITCH simulator, ESL on " + s.host() + ":" + s.port()).orElse("configured FreeSWITCH"));
    if (demo) {
      DemoSetup.Demo d = new DemoSetup(node.services()).ensure(config.getInt("autodial.demo.agents"), robots);
      StringBuilder agents = new StringBuilder();
      d.agents().forEach(a -> agents.append(String.format("    %-8s %s%n", a.username(), a.password())));
      System.out.printf(
          """
            Demo         campaign "%s" (%s) is dialing 200 demo leads through the simulator
                         with %d robot agents; watch: curl -H 'Authorization: Bearer <admin token>' %s/api/campaigns/%s/stats
            Log in as a human agent at %s/agent with one of:
          %s""",
          DemoSetup.CAMPAIGN, d.campaignId(), d.robots().size(), base, d.campaignId(), base, agents);
      Random random = new Random();
      for (DemoSetup.Account robot : d.robots())
        running.add(RobotAgent.start(base, robot.username(), robot.password(),
            RobotBehaviour.of(() -> Duration.ofSeconds(5 + random.nextInt(15)), () -> Duration.ofSeconds(2), codes -> codes.get(random.nextInt(codes.size())))));
    }
    System.out.println("Stop with Ctrl-C.");
    stopped.await();
  }
}
