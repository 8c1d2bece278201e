package io.autodial.node;

import java.util.concurrent.CountDownLatch;

/** Runs one node with the configuration in application.conf and the environment. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    AutodialNode node = AutodialNode.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "autodial-shutdown"));
    var http = node.httpAddress();
    System.out.printf(
        """

        Autodial is running.
          HTTP API     http://%s:%d   (health: /health)
          Agent page   http://%s:%d/agent
          Admin login  %s
          Database     %s
          Switch       %s
          Log in:  curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"<password>"}' http://%s:%d/api/login
        Stop with Ctrl-C.
        %n""",
        http.getHostString(), http.getPort(), http.getHostString(), http.getPort(),
        node.createdAdminPassword().map(p -> "admin / " + p).orElse("admin (the password set when the account was created)"),
        node.database().url(),
        node.simulator().map(s -> "built-in FreeSWITCH simulator, ESL on " + s.host() + ":" + s.port()).orElse("configured FreeSWITCH"),
        http.getHostString(), http.getPort());
    stopped.await();
  }
}
