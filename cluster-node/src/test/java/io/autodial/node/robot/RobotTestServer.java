package io.autodial.node.robot;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.agent.AgentGateway;
import io.autodial.http.agent.AgentSocketRoute;
import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;

/**
 * The real {@link AgentSocketRoute} over a fake gateway, plus a fake {@code POST /api/login} that
 * knows robot/secret, on a free 127.0.0.1 port.
 */
final class RobotTestServer implements AutoCloseable {
  static final String TOKEN = "robot-token";

  record Credentials(String username, String password) {}

  private final ServerBinding binding;

  RobotTestServer(ActorSystem<?> system, AgentGateway gateway) {
    AgentSocketRoute socket =
        new AgentSocketRoute(
            token -> TOKEN.equals(token) ? Optional.of(new Principal(1, "robot", Role.AGENT, "robot-1")) : Optional.empty(),
            gateway);
    ServerSettings settings = AgentSocketRoute.withKeepAlivePings(ServerSettings.create(system.classicSystem()));
    this.binding =
        Http.get(system).newServerAt("127.0.0.1", 0).withSettings(settings).bind(concat(socket.route(), login())).toCompletableFuture().join();
  }

  URI httpBase() {
    return URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
  }

  @Override
  public void close() {
    binding.terminate(Duration.ofMillis(100)).toCompletableFuture().join();
  }

  private static Route login() {
    return pathPrefix("api", () -> path("login", () -> post(() -> entity(Json.unmarshaller(Credentials.class), c ->
        "robot".equals(c.username()) && "secret".equals(c.password())
            ? complete(StatusCodes.OK, Map.of("token", TOKEN, "agentId", "robot-1", "role", "AGENT"), Json.marshaller())
            : ApiErrors.error(StatusCodes.UNAUTHORIZED, "wrong username or password")))));
  }
}
