package io.autodial.node.compliance.dnc;

import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.dnc.RegistryImportState.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs registry imports in the background, one at a time on this node: read the file, sort and
 * dedupe the numbers, save them and make them current ({@link RegistryStore#saveAndSwap}), then hand
 * the new index to {@code install}. Progress is kept in memory while it runs (and for the imports
 * this node ran); the final state is also in the database, for every node to answer.
 */
final class RegistryImports {
  private static final Logger log = LoggerFactory.getLogger(RegistryImports.class);

  private final RegistryStore store;
  private final Executor blocking;
  private final AuditTrail audit;
  private final Clock clock;
  private final Consumer<RegistryIndex> install;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<Long, RegistryImportState> states = new ConcurrentHashMap<>();

  RegistryImports(RegistryStore store, Executor blocking, AuditTrail audit, Clock clock, Consumer<RegistryIndex> install) {
    this.store = store;
    this.blocking = blocking;
    this.audit = audit;
    this.clock = clock;
    this.install = install;
  }

  /** Thrown when this node is already importing. */
  static final class ImportRunning extends IllegalStateException {
    ImportRunning() {
      super("a registry import is already running on this node; wait for it to finish");
    }
  }

  /** Starts importing {@code file} (deleted afterwards when {@code deleteFile}); blocking (one INSERT), returns the RUNNING state. */
  RegistryImportState start(Path file, LocalDate registryDate, String actor, boolean deleteFile) {
    if (!running.compareAndSet(false, true)) throw new ImportRunning();
    RegistryImportState state;
    try {
      Instant started = clock.instant();
      long id = store.begin(registryDate, started);
      state = new RegistryImportState(id, State.RUNNING, "reading", registryDate, 0, 0, 0, 0, List.of(), started, null, null);
      states.put(id, state);
      blocking.execute(() -> run(state, file, actor, deleteFile));
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
    return state;
  }

  Optional<RegistryImportState> find(long id) {
    RegistryImportState mine = states.get(id);
    return mine != null ? Optional.of(mine) : store.find(id);
  }

  private void run(RegistryImportState s, Path file, String actor, boolean deleteFile) {
    long id = s.id();
    try {
      RegistryFile read = RegistryFile.read(file, (lines, good, rejected) ->
          states.put(id, running(s, "reading", lines, good, 0, rejected)));
      states.put(id, running(s, "sorting", read.linesRead, read.count, 0, read.rejected));
      int distinct = RegistryIndex.sortUnique(read.keys, read.count);
      // an empty or wholly bad file must not replace a good registry with nothing
      if (distinct == 0) throw new IllegalStateException("the file holds no valid number; the registry in use is unchanged");
      long duplicates = read.count - distinct;
      states.put(id, running(s, "saving", read.linesRead, distinct, duplicates, read.rejected));
      Instant finished = clock.instant();
      RegistryImportState done = new RegistryImportState(id, State.DONE, null, s.registryDate(), read.linesRead, distinct, duplicates,
          read.rejected, List.copyOf(read.firstRejected), s.startedAt(), finished, null);
      store.saveAndSwap(done, read.keys, distinct);
      install.accept(new RegistryIndex(id, s.registryDate(), read.keys, distinct, finished));
      states.put(id, done);
      audit.record(new AuditEntry(finished, AuditKind.REGISTRY_IMPORTED, null, null, null, "DNC_NATIONAL_REGISTRY",
          "import " + id + ": registry of " + s.registryDate() + ", " + distinct + " numbers, " + read.rejected + " lines rejected", actor));
      log.info("registry import {} done: {} numbers from {} lines, {} rejected", id, distinct, read.linesRead, read.rejected);
    } catch (Throwable t) {
      log.error("registry import {} failed", id, t);
      RegistryImportState now = states.get(id);
      RegistryImportState failed = new RegistryImportState(id, State.FAILED, null, s.registryDate(), now.linesRead(), 0, 0,
          now.rejected(), now.firstRejected(), s.startedAt(), clock.instant(), String.valueOf(t.getMessage()));
      states.put(id, failed);
      try {
        store.saveFailed(failed);
      } catch (RuntimeException e) {
        log.error("could not record that registry import {} failed", id, e);
      }
    } finally {
      running.set(false);
      if (deleteFile) {
        try {
          Files.deleteIfExists(file);
        } catch (Exception e) {
          log.warn("could not delete the uploaded registry file {}", file, e);
        }
      }
    }
  }

  private static RegistryImportState running(RegistryImportState s, String phase, long lines, long loaded, long duplicates, long rejected) {
    return new RegistryImportState(s.id(), State.RUNNING, phase, s.registryDate(), lines, loaded, duplicates, rejected, List.of(),
        s.startedAt(), null, null);
  }
}
