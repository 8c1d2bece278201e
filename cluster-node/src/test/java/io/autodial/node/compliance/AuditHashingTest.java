package io.autodial.node.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.autodial.node.compliance.audit.AuditHashKey;
import io.autodial.node.compliance.audit.PhoneHasher;
import io.autodial.node.db.ReadModelPool;
import io.autodial.node.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keyed phone hash, and where its key comes from. */
class AuditHashingTest {
  private static final String PHONE = "+14155552671";

  @Test
  void theSameKeyHashesTheSameNumberAlikeAndAnotherKeyDifferently() {
    PhoneHasher a = new PhoneHasher("key-one-0123456789".getBytes(StandardCharsets.UTF_8));
    PhoneHasher b = new PhoneHasher("key-two-0123456789".getBytes(StandardCharsets.UTF_8));
    assertThat(a.hash(PHONE)).isEqualTo(a.hash(PHONE)).matches("[0-9a-f]{64}");
    assertThat(a.hash(PHONE)).isNotEqualTo(b.hash(PHONE)).isNotEqualTo(a.hash("+14155552672"));
    assertThat(a.hash(null)).isNull();
    assertThat(a.erasedMarker(PHONE)).isEqualTo("erased:" + a.hash(PHONE).substring(0, 12));
    assertThatThrownBy(() -> new PhoneHasher(new byte[8])).hasMessageContaining("16 bytes");
  }

  @Test
  void withoutAConfiguredKeyTheInstallationKeepsOneKeyInTheDatabase() {
    try (HikariDataSource db = ReadModelPool.create(TestDatabases.fresh())) {
      var unset = ConfigFactory.parseMap(Map.of("autodial.audit.hash-key", ""));
      String first = AuditHashKey.hasher(unset, db).hash(PHONE);
      String afterRestart = AuditHashKey.hasher(unset, db).hash(PHONE);
      assertThat(afterRestart).isEqualTo(first);
      var configured = ConfigFactory.parseMap(Map.of("autodial.audit.hash-key", "an-operator-secret-key"));
      assertThat(AuditHashKey.hasher(configured, db).hash(PHONE))
          .isEqualTo(new PhoneHasher("an-operator-secret-key".getBytes(StandardCharsets.UTF_8)).hash(PHONE))
          .isNotEqualTo(first);
    }
  }
}
