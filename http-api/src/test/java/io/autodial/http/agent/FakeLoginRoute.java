package io.autodial.http.agent;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code POST /api/login} as the real one answers: alice/secret gets the fake verifier's agent token. */
final class FakeLoginRoute {
  record Credentials(String username, String password) {}

  Route route() {
    return pathPrefix("api", () -> path("login", () -> post(() -> entity(Json.unmarshaller(Credentials.class), credentials -> {
      if (!"alice".equals(credentials.username()) || !"secret".equals(credentials.password()))
        return ApiErrors.error(StatusCodes.UNAUTHORIZED, "wrong username or password");
      return complete(StatusCodes.OK,
          Map.of("token", FakeTokenVerifier.AGENT_TOKEN, "agentId", FakeTokenVerifier.AGENT_ID, "role", "AGENT"),
          Json.marshaller());
    }))));
  }
}
