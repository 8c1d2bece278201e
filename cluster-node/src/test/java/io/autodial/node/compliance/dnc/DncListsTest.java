package io.autodial.node.compliance.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.dnc.RegistryImportState.RejectedLine;
import io.autodial.node.compliance.dnc.RegistryImportState.State;
import io.autodial.node.db.ReadModelPool;
import io.autodial.node.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two DncLists on one real PostgreSQL, as two nodes would run them. */
class DncListsTest {
  @TempDir Path dir;
  private HikariDataSource db;
  private ExecutorService blocking;
  private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
  private DncLists node1;
  private DncLists node2;

  @BeforeEach
  void start() {
    db = ReadModelPool.create(TestDatabases.fresh());
    blocking = Executors.newFixedThreadPool(2);
    node1 = new DncLists(db, audit::add, blocking, Clock.systemUTC(), Duration.ofMillis(200));
    node2 = new DncLists(db, e -> {}, blocking, Clock.systemUTC(), Duration.ofMillis(200));
    node1.start();
    node2.start();
  }

  @AfterEach
  void stop() {
    node1.close();
    node2.close();
    blocking.shutdownNow();
    db.close();
  }

  @Test
  void internalListsApplyToEveryCampaignAndCampaignListsOnlyToTheirOwn() {
    node1.add("+12125550101", null, DncSource.API, "asked on the phone");
    node1.add("+12125550102", "spring", DncSource.DISPOSITION, null);
    assertThat(node1.check("+12125550101", "any").orElseThrow().kind()).isEqualTo(DncListKind.INTERNAL);
    DncHit campaign = node1.check("+12125550102", "spring").orElseThrow();
    assertThat(campaign.kind()).isEqualTo(DncListKind.CAMPAIGN);
    assertThat(campaign.campaignId()).isEqualTo("spring");
    assertThat(campaign.source()).isEqualTo("DISPOSITION");
    assertThat(node1.check("+12125550102", "autumn")).isEmpty();
    assertThat(node1.check("+12125550102", null)).isEmpty();

    node1.add("+12125550101", null, DncSource.OPT_OUT, "again"); // idempotent: one entry, one audit
    assertThat(audit).extracting(AuditEntry::kind).containsExactly(AuditKind.DNC_ADDED, AuditKind.DNC_ADDED);
    assertThat(audit.get(0).phone()).isEqualTo("+12125550101");
    assertThat(audit.get(0).rule()).isEqualTo("DNC_INTERNAL");

    assertThat(node1.remove("+12125550101", null)).isTrue();
    assertThat(node1.remove("+12125550101", null)).isFalse();
    assertThat(node1.check("+12125550101", "any")).isEmpty();
    assertThat(audit.get(2).kind()).isEqualTo(AuditKind.DNC_REMOVED);
    assertThatThrownBy(() -> node1.add("12345", null, DncSource.API, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> node1.check("2125550101", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNumberAddedOnOneNodeIsRefusedByAnotherWithinItsPoll() {
    assertThat(node2.check("+12125550199", "spring")).isEmpty(); // a lead of spring is queued on node 2
    Instant added = Instant.now();
    node1.add("+12125550199", null, DncSource.INBOUND_STOP, null);
    awaitUpTo(Duration.ofSeconds(1), () -> node2.check("+12125550199", "spring").isPresent());
    assertThat(Duration.between(added, Instant.now())).isLessThan(Duration.ofSeconds(1));

    node1.remove("+12125550199", null);
    awaitUpTo(Duration.ofSeconds(1), () -> node2.check("+12125550199", "spring").isEmpty());
    node1.add("+12125550199", "spring", DncSource.API, null); // back on, on the campaign list this time
    awaitUpTo(Duration.ofSeconds(1), () -> node2.check("+12125550199", "spring").isPresent());
  }

  @Test
  void aRegistryImportLoadsGoodLinesReportsBadOnesAndTheNextReplacesIt() throws Exception {
    assertThat(node1.registryStatus(Instant.now()).stale()).isTrue();
    Path first = dir.resolve("first.csv");
    Files.writeString(first, "number\n2125550101\n2125550102\nnope\n2125550101\n+1 212 555 0103\n0125550104\n");
    RegistryImportState started = node1.startRegistryImport(first, LocalDate.of(2026, 11, 1), "admin:test", false);
    RegistryImportState done = awaitImport(node1, started.id());
    assertThat(done.state()).isEqualTo(State.DONE);
    assertThat(done.linesRead()).isEqualTo(7);
    assertThat(done.numbersLoaded()).isEqualTo(3);
    assertThat(done.duplicates()).isEqualTo(1);
    assertThat(done.firstRejected()).containsExactly(
        new RejectedLine(4, PhoneKeys.reason(PhoneKeys.NOT_A_NUMBER)), new RejectedLine(7, PhoneKeys.reason(PhoneKeys.US_AREA_CODE)));
    assertThat(node1.check("+12125550103", null).orElseThrow().kind()).isEqualTo(DncListKind.NATIONAL_REGISTRY);
    assertThat(node2.registryImport(started.id()).orElseThrow().firstRejected()).hasSize(2); // from the database
    awaitUpTo(Duration.ofSeconds(5), () -> node2.check("+12125550103", null).isPresent());
    assertThat(audit).extracting(AuditEntry::kind).containsExactly(AuditKind.REGISTRY_IMPORTED);

    RegistryStatus status = node1.registryStatus(Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(status.count()).isEqualTo(3);
    assertThat(status.stale()).isFalse();
    assertThat(node1.registryStatus(Instant.parse("2026-12-03T00:00:00Z")).warning()).contains("more than 31 days old");

    Path second = dir.resolve("second.txt");
    Files.writeString(second, "2125550201\n2125550202\n");
    RegistryImportState replaced = awaitImport(node1, node1.startRegistryImport(second, LocalDate.of(2026, 12, 1), "admin:test", true).id());
    assertThat(replaced.numbersLoaded()).isEqualTo(2);
    assertThat(second).doesNotExist();
    assertThat(node1.check("+12125550101", null)).isEmpty();
    assertThat(node1.check("+12125550201", null)).isPresent();
    awaitUpTo(Duration.ofSeconds(5), () -> node2.check("+12125550101", null).isEmpty() && node2.check("+12125550202", null).isPresent());
    assertThat(node2.registryStatus(Instant.now()).registryDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(registryTables()).containsExactly("dnc_registry_" + replaced.id()); // the first import's table is gone

    DncLists restarted = new DncLists(db, e -> {}, blocking, Clock.systemUTC(), Duration.ofMillis(200));
    restarted.start();
    assertThat(restarted.check("+12125550202", null)).isPresent();
    restarted.close();
  }

  @Test
  void aFileThatCannotBeReadFailsTheImportAndKeepsTheRegistry() {
    RegistryImportState failed = awaitImport(node1, node1.startRegistryImport(dir.resolve("missing.csv"), LocalDate.of(2026, 11, 1), "admin:test", false).id());
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.failure()).isNotBlank();
    assertThat(node2.registryImport(failed.id()).orElseThrow().state()).isEqualTo(State.FAILED);
  }

  private List<String> registryTables() throws Exception {
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT tablename FROM pg_tables WHERE tablename ~ '^dnc_registry_[0-9]+$' ORDER BY tablename")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) names.add(rs.getString(1));
      c.rollback();
      return names;
    }
  }

  private static RegistryImportState awaitImport(DncLists lists, long id) {
    awaitUpTo(Duration.ofSeconds(20), () -> lists.registryImport(id).orElseThrow().state() != State.RUNNING);
    return lists.registryImport(id).orElseThrow();
  }

  private static void awaitUpTo(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + limit);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
