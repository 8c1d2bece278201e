package io.autodial.node.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.ComplianceAuditEntity.DecisionRecorded;
import io.autodial.node.compliance.audit.ComplianceAuditEntity.HashedEntry;
import io.autodial.node.compliance.audit.PhoneHasher;
import io.autodial.node.db.DatabaseSettings;
import io.autodial.node.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compliance-audit projection's handler against real PostgreSQL. */
class AuditProjectionTest {
  private static DatabaseSettings db;
  private static final PhoneHasher HASHER = new PhoneHasher("a-test-key-of-sixteen-bytes-or-more".getBytes(StandardCharsets.UTF_8));

  @BeforeAll
  static void database() {
    db = TestDatabases.fresh();
  }

  private final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void aDecisionBecomesOneRowWithTheHashNotTheNumber() throws Exception {
    String campaign = "c-" + UUID.randomUUID();
    DecisionRecorded event = new DecisionRecorded(UUID.randomUUID(),
        new HashedEntry(t0, AuditKind.BLOCKED, campaign, 42L, HASHER.hash("+14155552671"), "DNC_INTERNAL", "DNC_INTERNAL, CALLING_HOURS", "dialer"));
    try (Connection c = connect()) {
      ComplianceAuditHandler.apply(c, event);
      ComplianceAuditHandler.apply(c, event); // replayed: still one row
      c.commit();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM compliance_audit WHERE campaign_id = '" + campaign + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp("at").toInstant()).isEqualTo(t0);
        assertThat(rs.getString("kind")).isEqualTo("BLOCKED");
        assertThat(rs.getLong("lead_id")).isEqualTo(42L);
        assertThat(rs.getString("phone_hash")).isEqualTo(HASHER.hash("+14155552671")).hasSize(64).doesNotContain("4155552671");
        assertThat(rs.getString("rule")).isEqualTo("DNC_INTERNAL");
        assertThat(rs.getString("detail")).isEqualTo("DNC_INTERNAL, CALLING_HOURS");
        assertThat(rs.getString("actor")).isEqualTo("dialer");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void aGlobalDecisionWithoutLeadOrPhoneIsKept() throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection c = connect()) {
      ComplianceAuditHandler.apply(c, new DecisionRecorded(id, new HashedEntry(t0, AuditKind.REGISTRY_IMPORTED, null, null, null, null, "rows: 10", "system")));
      c.commit();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT campaign_id, lead_id, phone_hash FROM compliance_audit WHERE event_id = '" + id + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isNull();
        assertThat(rs.getObject(2)).isNull();
        assertThat(rs.getString(3)).isNull();
      }
    }
  }

  private Connection connect() throws Exception {
    Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
    c.setAutoCommit(false);
    return c;
  }
}
