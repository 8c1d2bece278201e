package io.autodial.node.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP API as a test uses it: JSON in, JSON out, with a bearer token once logged in. */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private String token;

  public record Response(int status, JsonNode body) {}

  public ApiClient(InetSocketAddress address) {
    this.base = URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  public URI base() {
    return base;
  }

  public ApiClient login(String username, String password) {
    Response r = post("/api/login", JSON.createObjectNode().put("username", username).put("password", password));
    if (r.status() != 200) throw new AssertionError("login of " + username + " failed: " + r);
    token = r.body().get("token").asText();
    return this;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** {@code body} must be 2xx; returns it. */
  public static JsonNode ok(Response r) {
    if (r.status() / 100 != 2) throw new AssertionError("expected 2xx, got " + r);
    return r.body();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (Exception e) {
      throw new IllegalStateException("HTTP request failed: " + e, e);
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
