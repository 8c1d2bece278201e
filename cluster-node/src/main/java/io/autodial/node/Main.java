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
          Admin token  %s   (send as: Authorization: Bearer <token>)
          Database     %s
          Switch       %s
          Try:  curl -s -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
                  -d '{"destination":"15551230001"}' http://%s:%d/api/calls
        Stop with Ctrl-C.
        %n""",
        http.getHostString(), http.getPort(), node.adminToken(), node.database().url(),
        node.simulator().map(s -> "built-in FreeSWITCH simulator, ESL on " + s.host() + ":" + s.port()).orElse("configured FreeSWITCH"),
        node.adminToken(), http.getHostString(), http.getPort());
    stopped.await();
  }
}
