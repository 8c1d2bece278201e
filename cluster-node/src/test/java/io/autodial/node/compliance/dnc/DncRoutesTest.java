package io.autodial.node.compliance.dnc;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.autodial.http.ApiErrors;
import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import io.autodial.http.dnc.DncRoutes;
import io.autodial.node.db.ReadModelPool;
import io.autodial.node.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DNC routes over real HTTP into a real PostgreSQL, wrapped the way the node's API wraps them. */
class DncRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HikariDataSource db;
  private ExecutorService blocking;
  private DncLists lists;
  private ActorSystem<Void> system;
  private ServerBinding binding;
  private final HttpClient client = HttpClient.newHttpClient();
  private String api;

  @BeforeEach
  void start() throws Exception {
    db = ReadModelPool.create(TestDatabases.fresh());
    blocking = Executors.newFixedThreadPool(2);
    lists = new DncLists(db, e -> {}, blocking, Clock.systemUTC(), Duration.ofMillis(200));
    lists.start();
    system = ActorSystem.create(Behaviors.empty(), "dnc-routes",
        ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.defaultReference()));
    DncRoutes routes = new DncRoutes(new DncServiceImpl(lists, blocking, Clock.systemUTC()));
    Principal admin = new Principal(1, "ada", Role.ADMIN, null);
    var route = handleExceptions(ApiErrors.exceptionHandler(),
        () -> handleRejections(ApiErrors.rejectionHandler(), () -> pathPrefix("api", () -> routes.route(admin))));
    binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(route).toCompletableFuture().get();
    api = "http://127.0.0.1:" + binding.localAddress().getPort() + "/api";
  }

  @AfterEach
  void stop() throws Exception {
    binding.unbind().toCompletableFuture().get();
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get();
    lists.close();
    blocking.shutdownNow();
    db.close();
  }

  @Test
  void entriesAreAddedCheckedAndRemovedByPhone() throws Exception {
    HttpResponse<String> added = send("POST", "/dnc", "application/json", "{\"phone\":\"(212) 555-0101\",\"campaignId\":\"spring\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(json(added).get("list").asText()).isEqualTo("CAMPAIGN");
    assertThat(json(added).get("phone").asText()).isEqualTo("+12125550101");
    assertThat(send("GET", "/dnc/+12125550101?campaignId=spring", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/dnc/+12125550101", null, null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/dnc/2125550101?campaignId=spring", null, null).statusCode()).isEqualTo(204);
    HttpResponse<String> again = send("DELETE", "/dnc/2125550101?campaignId=spring", null, null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(json(again).get("message").asText()).contains("not on the list of campaign spring");
  }

  @Test
  void badInputIsA4xxWithAJsonErrorThatSaysWhatToFix() throws Exception {
    HttpResponse<String> badPhone = send("POST", "/dnc", "application/json", "{\"phone\":\"12345\"}");
    assertThat(badPhone.statusCode()).isEqualTo(400);
    assertThat(json(badPhone).get("message").asText()).contains("10 digits");
    assertThat(send("POST", "/dnc", "application/json", "{\"note\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(send("GET", "/dnc/abc", null, null).statusCode()).isEqualTo(400);
    HttpResponse<String> noDate = send("POST", "/dnc/registry", "text/plain", "2125550101\n");
    assertThat(noDate.statusCode()).isEqualTo(400);
    assertThat(json(noDate).get("message").asText()).contains("date=YYYY-MM-DD");
    assertThat(send("POST", "/dnc/registry?date=yesterday", "text/plain", "2125550101\n").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/dnc/registry?date=2026-11-01", "application/json", "{}").statusCode()).isEqualTo(415);
    assertThat(send("GET", "/dnc/registry/imports/999", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aRegistryUploadIsAcceptedAndItsProgressAndStatusCanBeRead() throws Exception {
    assertThat(json(send("GET", "/dnc/registry", null, null)).get("warning").asText()).contains("no national registry");
    HttpResponse<String> accepted = send("POST", "/dnc/registry?date=2026-11-01", "text/csv", "phone\n2125550101\nbad\n2125550102\n");
    assertThat(accepted.statusCode()).isEqualTo(202);
    long id = json(accepted).get("id").asLong();
    assertThat(accepted.headers().firstValue("Location")).contains("/api/dnc/registry/imports/" + id);
    JsonNode progress = json(send("GET", "/dnc/registry/imports/" + id, null, null));
    for (int i = 0; i < 200 && progress.get("state").asText().equals("RUNNING"); i++) {
      Thread.sleep(50);
      progress = json(send("GET", "/dnc/registry/imports/" + id, null, null));
    }
    assertThat(progress.get("state").asText()).isEqualTo("DONE");
    assertThat(progress.get("numbersLoaded").asLong()).isEqualTo(2);
    assertThat(progress.get("firstRejected").get(0).get("line").asLong()).isEqualTo(3);
    JsonNode status = json(send("GET", "/dnc/registry", null, null));
    assertThat(status.get("count").asLong()).isEqualTo(2);
    assertThat(status.get("registryDate").asText()).isEqualTo("2026-11-01");
    assertThat(json(send("GET", "/dnc/2125550102", null, null)).get("list").asText()).isEqualTo("NATIONAL_REGISTRY");
  }

  @Test
  void aRegistryFileLargerThanTheServersDefaultBodyLimitIsStreamedThrough() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("registry-", ".txt");
    try (var out = new java.io.BufferedWriter(java.nio.file.Files.newBufferedWriter(file))) {
      for (int i = 0; i < 1_000_000; i++) out.write(String.format("2%02d%07d%n", 12 + i % 80, 2_000_000 + i)); // 11 MB, above pekko-http's 8 MB default
    }
    HttpResponse<String> accepted = client.send(
        HttpRequest.newBuilder(URI.create(api + "/dnc/registry?date=2026-11-01")).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
        HttpResponse.BodyHandlers.ofString());
    java.nio.file.Files.delete(file);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    long id = json(accepted).get("id").asLong();
    JsonNode progress = json(send("GET", "/dnc/registry/imports/" + id, null, null));
    for (int i = 0; i < 600 && progress.get("state").asText().equals("RUNNING"); i++) {
      Thread.sleep(50);
      progress = json(send("GET", "/dnc/registry/imports/" + id, null, null));
    }
    assertThat(progress.get("state").asText()).isEqualTo("DONE");
    assertThat(progress.get("linesRead").asLong()).isEqualTo(1_000_000);
    assertThat(progress.get("rejected").asLong()).isZero();
  }

  private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path));
    if (type != null) b.header("Content-Type", type);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
