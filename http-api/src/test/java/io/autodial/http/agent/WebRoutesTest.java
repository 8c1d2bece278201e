package io.autodial.http.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page and its assets come from the classpath, with their content types, without a token. */
class WebRoutesTest {
  private static ActorSystem<Void> system;
  private static TestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), "web-routes-test");
    server = TestServer.start(system, new WebRoutes().route());
  }

  @AfterAll
  static void stop() {
    server.close();
    system.terminate();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.http(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndItsAssets() throws Exception {
    HttpResponse<String> page = get("/agent");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("data-testid=\"login-submit\"", "/agent/agent.js");

    assertThat(get("/agent/agent.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(get("/agent/agent.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
  }

  @Test
  void servesNothingElse() throws Exception {
    assertThat(get("/agent/../application.conf").statusCode()).isEqualTo(404);
    assertThat(get("/agent/missing.js").statusCode()).isEqualTo(404);
  }
}
