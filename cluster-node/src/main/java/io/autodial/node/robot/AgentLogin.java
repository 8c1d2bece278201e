package io.autodial.node.robot;

import com.fasterxml.jackson.databind.JsonNode;
import io.autodial.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/** {@code POST /api/login} as an agent's page does it: username and password in, token out. */
final class AgentLogin {
  private AgentLogin() {}

  static CompletableFuture<String> token(HttpClient http, URI httpBase, String username, String password) {
    HttpRequest request;
    try {
      request =
        HttpRequest.newBuilder(httpBase.resolve("/api/login"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(Map.of("username", username, "password", password))))
            .build();
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> token(username, response));
  }

  private static String token(String username, HttpResponse<String> response) {
    if (response.statusCode() != 200)
      throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " " + response.body());
    try {
      // read as a tree: the endpoint may add fields, and the mapper refuses unknown ones on records
      JsonNode body = Json.MAPPER.readTree(response.body());
      if (body.path("token").isTextual()) return body.get("token").asText();
    } catch (IOException e) {
      // falls through to the failure below, with the body that could not be read
    }
    throw new IllegalStateException("login of " + username + " returned no token: " + response.body());
  }

  /** {@code http://host:port} → {@code ws://host:port/ws/agent} (https → wss). */
  static URI socketUri(URI httpBase) {
    String scheme = "https".equalsIgnoreCase(httpBase.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + httpBase.getRawAuthority() + "/ws/agent");
  }
}
