package io.autodial.http;

import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server's TLS context from a keystore file (PKCS12 or JKS: the JDK tells them apart by content). */
public final class TlsContext {
  private TlsContext() {}

  public static SSLContext fromKeystore(Path keystore, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance(keystore.toFile(), password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot use the TLS keystore " + keystore + ": " + e.getMessage(), e);
    }
  }
}
