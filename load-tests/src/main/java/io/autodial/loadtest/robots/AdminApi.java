package io.autodial.loadtest.robots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin's side of the HTTP API, as the benchmark sets a campaign up: JSON in, JSON out, a
 * bearer token once logged in. Its threads are named {@code bench-admin-http-*} so their CPU is
 * not counted as the robots' or the node's.
 */
public final class AdminApi implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final ExecutorService executor;
  private final HttpClient http;
  private final URI base;
  private volatile String token;

  public AdminApi(InetSocketAddress address) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "bench-admin-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    this.base = URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  public URI base() {
    return base;
  }

  public AdminApi login(String username, String password) {
    JsonNode body = ok(post("/api/login", JSON.createObjectNode().put("username", username).put("password", password)).join(), "login");
    token = body.get("token").asText();
    return this;
  }

  CompletableFuture<HttpResponse<String>> get(String path) {
    return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public CompletableFuture<HttpResponse<String>> post(String path, Object body) {
    return http.sendAsync(
        request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public JsonNode getOk(String path) {
    return ok(get(path).join(), "GET " + path);
  }

  public JsonNode postOk(String path, Object body) {
    return ok(post(path, body).join(), "POST " + path);
  }

  public static JsonNode ok(HttpResponse<String> r, String what) {
    if (r.statusCode() / 100 != 2) throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
    try {
      String body = r.body();
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(what + ": unreadable body " + r.body(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private static String json(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
