package io.autodial.node.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadsetFetcherTest {
  private static final String CSV = "Phone,Status\n(212) 200-1001,NEW\n";
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/leads.csv", exchange -> send(exchange, 200, CSV.getBytes(StandardCharsets.UTF_8)));
    server.createContext("/big.csv", exchange -> send(exchange, 200, new byte[64 * 1024]));
    server.createContext("/moved.csv", exchange -> {
      exchange.getResponseHeaders().add("Location", "/leads.csv");
      send(exchange, 302, new byte[0]);
    });
    server.createContext("/slow.csv", exchange -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(exchange, 200, CSV.getBytes(StandardCharsets.UTF_8));
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void fetchesAnHttpCsv() {
    assertThat(LeadsetFetcher.withDefaults().fetch(base + "/leads.csv")).isEqualTo(CSV);
  }

  @Test
  void refusesOtherSchemes() {
    assertThatThrownBy(() -> LeadsetFetcher.withDefaults().fetch("ftp://127.0.0.1/leads.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url 'ftp://127.0.0.1/leads.csv' must start with http:// or https:// (ftp is not supported)");
    assertThatThrownBy(() -> LeadsetFetcher.withDefaults().fetch("file:///etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesBodiesOverTheLimitNamingIt() {
    LeadsetFetcher small = new LeadsetFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5), 16 * 1024);
    assertThatThrownBy(() -> small.fetch(base + "/big.csv"))
        .isInstanceOf(LeadsetFetcher.FetchFailed.class)
        .hasMessage(base + "/big.csv is larger than the limit of 16384 bytes");
    assertThat(LeadsetFetcher.DEFAULT_MAX_BYTES).isEqualTo(20L * 1024 * 1024);
  }

  @Test
  void reportsTheStatusOfAFailedFetchAndDoesNotFollowRedirects() {
    assertThatThrownBy(() -> LeadsetFetcher.withDefaults().fetch(base + "/missing.csv"))
        .isInstanceOf(LeadsetFetcher.FetchFailed.class)
        .hasMessage(base + "/missing.csv answered HTTP 404");
    assertThatThrownBy(() -> LeadsetFetcher.withDefaults().fetch(base + "/moved.csv"))
        .hasMessage(base + "/moved.csv answered HTTP 302 (a redirect; give the final URL)");
  }

  @Test
  void givesUpOnASlowServer() {
    LeadsetFetcher impatient = new LeadsetFetcher(Duration.ofSeconds(1), Duration.ofMillis(500), 1024);
    assertThatThrownBy(() -> impatient.fetch(base + "/slow.csv"))
        .isInstanceOf(LeadsetFetcher.FetchFailed.class)
        .hasMessageContaining("slow.csv");
  }
}
