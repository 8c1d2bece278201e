package io.autodial.http.agent;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;

/** A route bound on a free 127.0.0.1 port, the way the node binds it (with keep-alive pings). */
final class TestServer implements AutoCloseable {
  private final ServerBinding binding;

  private TestServer(ServerBinding binding) {
    this.binding = binding;
  }

  static TestServer start(ActorSystem<?> system, Route route) {
    ServerSettings settings = AgentSocketRoute.withKeepAlivePings(ServerSettings.create(system.classicSystem()));
    return new TestServer(
        Http.get(system).newServerAt("127.0.0.1", 0).withSettings(settings).bind(route).toCompletableFuture().join());
  }

  int port() {
    return binding.localAddress().getPort();
  }

  URI http(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  URI ws(String path) {
    return URI.create("ws://127.0.0.1:" + port() + path);
  }

  @Override
  public void close() {
    binding.terminate(java.time.Duration.ofSeconds(2)).toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
  }
}
