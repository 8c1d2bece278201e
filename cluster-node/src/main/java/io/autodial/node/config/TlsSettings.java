package io.autodial.node.config;

import com.typesafe.config.Config;
import io.autodial.http.TlsContext;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * {@code autodial.http.tls}: HTTPS when a keystore and its password are both configured. One set
 * without the other is refused at start-up rather than silently serving plain HTTP.
 */
public record TlsSettings(String keystore, String password) {

  public static TlsSettings from(Config config) {
    Config tls = config.getConfig("autodial.http.tls");
    return new TlsSettings(tls.getString("keystore"), tls.getString("keystore-password"));
  }

  public boolean enabled() {
    if (keystore.isBlank() != password.isEmpty())
      throw new IllegalArgumentException(
          "TLS needs both AUTODIAL_TLS_KEYSTORE and AUTODIAL_TLS_KEYSTORE_PASSWORD (autodial.http.tls.keystore, keystore-password); only one is set");
    return !keystore.isBlank();
  }

  /** The server's TLS context, or empty for plain HTTP. */
  public Optional<SSLContext> sslContext() {
    return enabled() ? Optional.of(TlsContext.fromKeystore(Path.of(keystore), password.toCharArray())) : Optional.empty();
  }
}
