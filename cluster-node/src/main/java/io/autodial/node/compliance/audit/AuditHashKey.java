package io.autodial.node.compliance.audit;

import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the audit trail's hash key comes from: {@code autodial.audit.hash-key}
 * ({@code AUTODIAL_AUDIT_HASH_KEY}) when set — the way to keep the key out of the database — else
 * a random key made once per installation and kept in the {@code audit_hash_key} table, so every
 * node and every restart hashes alike. Never a key in the repository.
 */
public final class AuditHashKey {
  private AuditHashKey() {}

  public static PhoneHasher hasher(Config config, DataSource dataSource) {
    String configured = config.getString("autodial.audit.hash-key");
    if (!configured.isBlank()) return new PhoneHasher(configured.getBytes(StandardCharsets.UTF_8));
    return new PhoneHasher(stored(dataSource));
  }

  /** The installation's key, made by whichever node asks first (concurrent first asks agree). */
  static byte[] stored(DataSource dataSource) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_hash_key (hash_key) VALUES (?) ON CONFLICT DO NOTHING")) {
        insert.setBytes(1, fresh);
        insert.executeUpdate();
      }
      try (PreparedStatement select = c.prepareStatement("SELECT hash_key FROM audit_hash_key");
          ResultSet rs = select.executeQuery()) {
        rs.next();
        byte[] key = rs.getBytes(1);
        c.commit();
        return key;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read or create the audit hash key: " + e.getMessage(), e);
    }
  }
}
