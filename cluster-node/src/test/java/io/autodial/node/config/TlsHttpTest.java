package io.autodial.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.support.TestDatabases;
import io.autodial.node.support.TestNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with a keystore configured serves its API over HTTPS only. */
class TlsHttpTest {
  private static final String STORE_PASSWORD = "test-" + UUID.randomUUID();

  @Test
  void aConfiguredKeystoreServesHttps(@TempDir Path dir) throws Exception {
    Path keystore = selfSigned(dir.resolve("node.p12"));
    String eslPassword = "esl-" + UUID.randomUUID();
    try (FreeSwitchSimulator sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(eslPassword));
        AutodialNode node = AutodialNode.start(
            TestNode.config(TestDatabases.fresh(), sim, eslPassword)
                .withValue("autodial.http.tls.keystore", ConfigValueFactory.fromAnyRef(keystore.toString()))
                .withValue("autodial.http.tls.keystore-password", ConfigValueFactory.fromAnyRef(STORE_PASSWORD)))) {
      assertThat(node.https()).isTrue();
      URI health = URI.create("https://127.0.0.1:" + node.httpAddress().getPort() + "/health");
      HttpClient client = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("UP");
      // plain HTTP on the same port gets no answer
      URI plain = URI.create("http://127.0.0.1:" + node.httpAddress().getPort() + "/health");
      assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
              .send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void aKeystoreWithoutItsPasswordIsRefusedAndNoneMeansPlainHttp() {
    var base = ConfigFactory.parseMap(Map.of("autodial.http.tls.keystore", "", "autodial.http.tls.keystore-password", ""));
    assertThat(TlsSettings.from(base).sslContext()).isEmpty();
    var half = base.withValue("autodial.http.tls.keystore", ConfigValueFactory.fromAnyRef("/tmp/x.p12"));
    assertThatThrownBy(() -> TlsSettings.from(half).sslContext()).hasMessageContaining("AUTODIAL_TLS_KEYSTORE_PASSWORD");
    var missingFile = half.withValue("autodial.http.tls.keystore-password", ConfigValueFactory.fromAnyRef("pw"));
    assertThatThrownBy(() -> TlsSettings.from(missingFile).sslContext()).hasMessageContaining("cannot use the TLS keystore");
  }

  /** A self-signed PKCS12 keystore for 127.0.0.1, made with the JDK's own keytool. */
  private static Path selfSigned(Path keystore) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(
            keytool.toString(), "-genkeypair", "-alias", "autodial", "-keyalg", "RSA", "-keysize", "2048",
            "-dname", "CN=localhost", "-validity", "2", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(Files.size(keystore)).isPositive();
    return keystore;
  }

  private static SSLContext trustAll() throws Exception {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    return context;
  }
}
