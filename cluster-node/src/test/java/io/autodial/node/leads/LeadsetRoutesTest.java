package io.autodial.node.leads;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.autodial.http.ApiErrors;
import io.autodial.http.leads.LeadsetRoutes;
import io.autodial.node.db.ReadModelPool;
import io.autodial.node.support.TestDatabases;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** The lead routes over real HTTP into a real PostgreSQL, wrapped the way the node's API wraps them. */
class LeadsetRoutesTest {
  private static final String CSV = "Phone,Name,Status,Plan\n(212) 200-1001,Ada,NEW,gold\n12,Bob,NEW,silver\n212.200.1003,Cy,callback,\n";
  private static final String MAPPING = "{\"phone\":\"Phone\",\"status\":\"Status\",\"first_name\":\"Name\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HikariDataSource db;
  private ExecutorService blocking;
  private ActorSystem<Void> system;
  private ServerBinding binding;
  private HttpServer fileServer;
  private final HttpClient client = HttpClient.newHttpClient();
  private String api;

  @BeforeEach
  void start() throws Exception {
    db = ReadModelPool.create(TestDatabases.fresh());
    blocking = Executors.newFixedThreadPool(4);
    system =
        ActorSystem.create(
            Behaviors.empty(), "leads-routes", ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.defaultReference()));
    JdbcLeadsService service = new JdbcLeadsService(db, LeadsetFetcher.withDefaults(), "US", blocking, Clock.systemUTC());
    var route =
        handleExceptions(
            ApiErrors.exceptionHandler(),
            () -> handleRejections(ApiErrors.rejectionHandler(), () -> pathPrefix("api", () -> new LeadsetRoutes(service).route())));
    binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(route).toCompletableFuture().get();
    api = "http://127.0.0.1:" + binding.localAddress().getPort() + "/api";
    fileServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fileServer.createContext(
        "/leads.csv",
        exchange -> {
          byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    fileServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    fileServer.stop(0);
    binding.unbind().toCompletableFuture().get();
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get();
    blocking.shutdown();
    db.close();
  }

  @Test
  void leadsetLifecycle() throws Exception {
    HttpResponse<String> created = send("POST", "/leadsets", "{\"name\":\"spring\",\"description\":\"March list\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    long id = json(created).get("id").asLong();

    assertThat(send("GET", "/leadsets", null).body()).contains("\"name\":\"spring\"");
    assertThat(send("PUT", "/leadsets/" + id, "{\"name\":\"spring-2\"}").body()).contains("\"name\":\"spring-2\"");
    JsonNode details = json(send("GET", "/leadsets/" + id, null));
    assertThat(details.get("counts").get("total").asLong()).isZero();

    assertError(send("POST", "/leadsets", "{\"name\":\"spring-2\"}"), 409, "a leadset named 'spring-2' already exists");
    assertError(send("POST", "/leadsets", "{\"description\":\"x\"}"), 400, "name is required");
    assertThat(send("DELETE", "/leadsets/" + id, null).statusCode()).isEqualTo(204);
    assertError(send("GET", "/leadsets/" + id, null), 404, "no leadset " + id);
  }

  @Test
  void multipartUploadLoadsTheFileAndReportsBadLines() throws Exception {
    long id = leadset("multipart");
    String boundary = "----autodial" + System.nanoTime();
    String body =
        part(boundary, "file", "leads.csv", CSV) + part(boundary, "mapping", null, MAPPING) + part(boundary, "dedupe", null, "true")
            + "--" + boundary + "--\r\n";
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(api + "/leadsets/" + id + "/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertReport(json(response));
    assertStored(id);
  }

  @Test
  void pastedCsvUploadLoadsTheText() throws Exception {
    long id = leadset("pasted");
    String body = "{\"csv\":" + JSON.writeValueAsString(CSV) + ",\"mapping\":" + MAPPING + ",\"startRow\":1,\"dedupe\":true}";
    HttpResponse<String> response = send("POST", "/leadsets/" + id + "/uploads", body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertReport(json(response));
    assertStored(id);
  }

  @Test
  void urlUploadFetchesAndLoads() throws Exception {
    long id = leadset("by-url");
    String url = "http://127.0.0.1:" + fileServer.getAddress().getPort();
    HttpResponse<String> response = send("POST", "/leadsets/" + id + "/uploads", "{\"url\":\"" + url + "/leads.csv\",\"mapping\":" + MAPPING + "}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertReport(json(response));
    assertStored(id);

    assertError(
        send("POST", "/leadsets/" + id + "/uploads", "{\"url\":\"" + url + "/nope.csv\",\"mapping\":" + MAPPING + "}"),
        422, url + "/nope.csv answered HTTP 404");
    assertError(
        send("POST", "/leadsets/" + id + "/uploads", "{\"url\":\"ftp://127.0.0.1/x.csv\",\"mapping\":" + MAPPING + "}"),
        400, "url 'ftp://127.0.0.1/x.csv' must start with http:// or https:// (ftp is not supported)");
  }

  @Test
  void badUploadsAreJson4xxThatSayWhatToFix() throws Exception {
    long id = leadset("bad");
    String csv = JSON.writeValueAsString(CSV);
    assertError(
        send("POST", "/leadsets/" + id + "/uploads", "{\"csv\":" + csv + ",\"mapping\":{\"phone\":\"Mobile\",\"status\":\"Status\"}}"),
        400, "the mapping names header 'Mobile' for phone, but the file has no such column; its headers are: Phone, Name, Status, Plan");
    assertError(
        send("POST", "/leadsets/" + id + "/uploads", "{\"csv\":" + csv + ",\"mapping\":{\"phone\":\"Phone\"}}"),
        400, "mapping.status must name the CSV header of the status column");
    assertError(send("POST", "/leadsets/" + id + "/uploads", "{\"mapping\":" + MAPPING + "}"), 400,
        "give exactly one of csv (the pasted file) or url (where to fetch it)");
    assertError(send("POST", "/leadsets/999999/uploads", "{\"csv\":" + csv + ",\"mapping\":" + MAPPING + "}"), 404, "no leadset 999999");
    assertError(
        send("POST", "/leadsets/" + id + "/uploads", "{\"csv\":" + csv + ",\"mapping\":" + MAPPING + ",\"defaultRegion\":\"XX\"}"),
        400, "default region 'XX' is not a two-letter region code libphonenumber knows (e.g. US, GB, DE)");
  }

  @Test
  void oneLeadByForm() throws Exception {
    long id = leadset("form");
    HttpResponse<String> created =
        send("POST", "/leadsets/" + id + "/leads", "{\"phone\":\"(212) 200-1001\",\"firstName\":\"Ada\",\"custom\":{\"plan\":\"gold\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode lead = json(created);
    assertThat(lead.get("phone").asText()).isEqualTo("+12122001001");
    assertThat(lead.get("status").asText()).isEqualTo("NEW");
    assertThat(lead.get("timeZone").asText()).isEqualTo("America/New_York");

    JsonNode fetched = json(send("GET", "/leads/" + lead.get("id").asLong(), null));
    assertThat(fetched.get("custom").get("plan").asText()).isEqualTo("gold");

    assertError(send("POST", "/leadsets/" + id + "/leads", "{\"phone\":\"+1 212 200 1001\"}"), 400,
        "phone +12122001001 is already in leadset " + id);
    assertError(send("POST", "/leadsets/" + id + "/leads", "{\"phone\":\"12\"}"), 400,
        "phone '12' is not a valid phone number for region US (too short)");
    assertError(send("POST", "/leadsets/999999/leads", "{\"phone\":\"(212) 200-1002\"}"), 404, "no leadset 999999");
    assertError(send("GET", "/leads/999999", null), 404, "no lead 999999");
  }

  private static void assertReport(JsonNode report) {
    assertThat(report.get("rowsRead").asInt()).isEqualTo(3);
    assertThat(report.get("loaded").asInt()).isEqualTo(2);
    assertThat(report.get("rejected")).hasSize(1);
    assertThat(report.get("rejected").get(0).get("line").asLong()).isEqualTo(3);
    assertThat(report.get("rejected").get(0).get("reason").asText())
        .isEqualTo("phone '12' is not a valid phone number for region US (too short)");
  }

  private void assertStored(long id) throws Exception {
    JsonNode counts = json(send("GET", "/leadsets/" + id, null)).get("counts");
    assertThat(counts.get("total").asLong()).isEqualTo(2);
    assertThat(counts.get("dialableNow").asLong()).isEqualTo(2);
    try (var c = db.getConnection();
        var ps = c.prepareStatement("SELECT first_name, status, custom::text FROM leads WHERE leadset_id = ? ORDER BY phone")) {
      ps.setLong(1, id);
      try (var rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("Ada");
        assertThat(rs.getString(2)).isEqualTo("NEW");
        assertThat(rs.getString(3)).isEqualTo("{\"Plan\": \"gold\"}");
        rs.next();
        assertThat(rs.getString(2)).isEqualTo("CALLBACK");
      }
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(response).get("message").asText()).isEqualTo(message);
  }

  private long leadset(String name) throws Exception {
    return json(send("POST", "/leadsets", "{\"name\":\"" + name + "\"}")).get("id").asLong();
  }

  private static String part(String boundary, String name, String filename, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv")
        + "\r\n\r\n" + content + "\r\n";
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(20));
    if (json == null) request.method(method, HttpRequest.BodyPublishers.noBody());
    else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
