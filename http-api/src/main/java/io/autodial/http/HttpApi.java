package io.autodial.http;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import io.autodial.http.auth.BearerTokens;
import io.autodial.http.calls.CallRoutes;
import io.autodial.http.calls.CallsService;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.server.Route;

/** All routes of a node. Only {@code /health} is served without a token. */
public final class HttpApi {
  private final BearerTokens tokens;
  private final CallsService calls;

  public HttpApi(BearerTokens tokens, CallsService calls) {
    this.tokens = tokens;
    this.calls = calls;
  }

  public Route route() {
    return handleExceptions(
        ApiErrors.exceptionHandler(),
        () ->
            handleRejections(
                ApiErrors.rejectionHandler(),
                () ->
                    concat(
                        path("health", () -> get(() -> complete(HttpEntities.create(ContentTypes.APPLICATION_JSON, "{\"status\":\"UP\"}")))),
                        pathPrefix("api", () -> tokens.requireAdmin(() -> new CallRoutes(calls).route())))));
  }

  public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port) {
    return Http.get(system).newServerAt(host, port).bind(route());
  }
}
