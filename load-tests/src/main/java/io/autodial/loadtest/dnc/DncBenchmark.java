package io.autodial.loadtest.dnc;

import com.zaxxer.hikari.HikariDataSource;
import io.autodial.loadtest.BenchmarkRun;
import io.autodial.loadtest.Host;
import io.autodial.loadtest.RunInfo;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.dnc.DncLists;
import io.autodial.node.compliance.dnc.DncSource;
import io.autodial.node.compliance.dnc.RegistryImportState;
import io.autodial.node.db.EmbeddedDatabase;
import io.autodial.node.db.Migrations;
import io.autodial.node.db.ReadModelPool;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national registry import and the DNC check at production size: a generated file of
 * {@code lines} numbers (10 million by default) imported through {@link DncLists#startRegistryImport}
 * (read, sort, dedupe, COPY into a temporary embedded PostgreSQL, swap) with the heap capped by the
 * JVM's -Xmx (1 GB in the profile: exceeding it fails the run), then a second node loading it, then
 * the check's cost: half hits, half misses. Results in {@code results/dnc.{md,json}}.
 *
 * <p>Options (-D): {@code lines} (10000000), {@code repeatShare} (0.02), {@code badEvery} (100000:
 * one bad line in so many), {@code checks} (10000000 per timed round), {@code seed},
 * {@code results.dir}, {@code results.name} (dnc).
 */
public final class DncBenchmark {
  private static final Logger log = LoggerFactory.getLogger(DncBenchmark.class);
  private static final int QUERIES = 1 << 20;

  public static void main(String[] args) {
    BenchmarkRun.main(Duration.ofMinutes(20), DncBenchmark::run);
  }

  private static int run() throws Exception {
    long lines = Long.getLong("lines", 10_000_000L);
    double repeatShare = Double.parseDouble(System.getProperty("repeatShare", "0.02"));
    long badEvery = Long.getLong("badEvery", 100_000L);
    long checks = Long.getLong("checks", 10_000_000L);
    long seed = Long.getLong("seed", 42L);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("startedAt", Instant.now().toString());
    r.put("loadAverageBefore", RunInfo.loadAverage());
    r.put("otherJavaProcessesBefore", RunInfo.otherJavaProcesses());

    Path file = Files.createTempFile("dnc-registry-bench-", ".txt");
    long t = System.nanoTime();
    RegistryFileGenerator.Generated gen = RegistryFileGenerator.write(file, lines, repeatShare, badEvery, QUERIES / 2, seed);
    r.put("file", Map.of("lines", gen.lines(), "badLines", gen.badLines(), "repeatedLines", gen.repeatedLines(),
        "bytes", Files.size(file), "generateSeconds", seconds(t)));
    log.info("generated {} lines ({} MB) in {} s", lines, Files.size(file) / 1048576, seconds(t));

    ExecutorService blocking = Executors.newFixedThreadPool(2);
    EmbeddedDatabase pg = EmbeddedDatabase.startTemporary();
    HikariDataSource db = null;
    try {
      Migrations.migrate(pg.settings());
      db = ReadModelPool.create(pg.settings());
      try (Connection c = db.getConnection()) {
        r.put("postgres", Host.postgresVersion(c));
      }
      List<AuditEntry> audit = new CopyOnWriteArrayList<>();
      DncLists node = new DncLists(db, audit::add, blocking);
      node.start();
      for (int i = 0; i < 200; i++) { // small internal and campaign lists, as a real floor has
        node.add("+1212555" + String.format("%04d", i), null, DncSource.API, null);
        node.add("+1646555" + String.format("%04d", i), "bench", DncSource.OPT_OUT, null);
      }

      System.gc();
      long heapBefore = usedHeapMb();
      RegistryImportState done;
      Map<String, Double> phases = new LinkedHashMap<>();
      long importStart = System.nanoTime();
      try (HeapWatch heap = new HeapWatch()) {
        RegistryImportState s = node.startRegistryImport(file, LocalDate.now(), "benchmark", false);
        String phase = "";
        while ((done = node.registryImport(s.id()).orElseThrow()).state() == RegistryImportState.State.RUNNING) {
          if (done.phase() != null && !done.phase().equals(phase)) phases.put((phase = done.phase()) + "StartedAtSeconds", seconds(importStart));
          Thread.sleep(20);
        }
        r.put("import", importFigures(done, seconds(importStart), phases, heapBefore, heap.sampledPeakMb(), HeapWatch.poolPeaksMb(), db));
      }
      log.info("import: {}", r.get("import"));
      if (done.state() != RegistryImportState.State.DONE) throw new IllegalStateException("import failed: " + done.failure());

      t = System.nanoTime();
      loadAsSecondNode(db, blocking, r, t); // its copy of the registry is garbage once it returns
      System.gc();
      r.put("heapAfterImportMb", usedHeapMb());

      r.put("check", CheckCost.measure(node, gen.sample(), checks, seed));
      log.info("check: {}", r.get("check"));
      node.close();
    } finally {
      BenchmarkRun.closeQuietly(db);
      BenchmarkRun.closeQuietly(pg);
      blocking.shutdownNow();
      Files.deleteIfExists(file);
    }
    r.put("finishedAt", Instant.now().toString());
    r.put("loadAverageAfter", RunInfo.loadAverage());
    r.put("otherJavaProcessesAfter", RunInfo.otherJavaProcesses());
    DncReport.write(r);
    return 0;
  }

  private static Map<String, Object> importFigures(RegistryImportState done, double wall, Map<String, Double> phases,
      long heapBefore, long sampledPeak, long poolPeaks, HikariDataSource db) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", done.state().name());
    m.put("wallSeconds", wall);
    m.putAll(phases);
    m.put("linesRead", done.linesRead());
    m.put("numbersLoaded", done.numbersLoaded());
    m.put("duplicates", done.duplicates());
    m.put("rejected", done.rejected());
    m.put("firstRejected", done.firstRejected().stream().limit(3).map(x -> "line " + x.line() + ": " + x.reason()).toList());
    m.put("heapBeforeMb", heapBefore);
    m.put("heapPeakSampledMb", sampledPeak);
    m.put("heapPoolPeaksSumMb", poolPeaks);
    m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT pg_total_relation_size('dnc_registry_" + done.id() + "')")) {
      rs.next();
      m.put("postgresTableMb", rs.getLong(1) / 1048576);
      c.rollback();
    }
    return m;
  }

  /** What another node does at start, or when its poll sees a new import. */
  private static void loadAsSecondNode(HikariDataSource db, ExecutorService blocking, Map<String, Object> r, long t) {
    DncLists second = new DncLists(db, e -> {}, blocking);
    second.start();
    r.put("secondNodeLoadSeconds", seconds(t));
    second.close();
  }

  static double seconds(long sinceNanos) {
    return Math.round((System.nanoTime() - sinceNanos) / 1e7) / 100.0;
  }

  private static long usedHeapMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576;
  }
}
