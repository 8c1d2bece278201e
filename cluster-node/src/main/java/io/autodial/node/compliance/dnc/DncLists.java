package io.autodial.node.compliance.dnc;

import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The do-not-call lists of one node, all in memory so a dial is scrubbed without I/O: the internal
 * list, every campaign's list and the national registry. Changes are written to PostgreSQL first;
 * every node polls {@code dnc_entries} by seq (and the current registry import) to follow the
 * others. Thread-safe: checks never lock; writes and polls are serialized.
 */
public final class DncLists implements AutoCloseable {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  /** The FCC safe harbor needs a registry copy no older than this. */
  public static final Duration REGISTRY_MAX_AGE = Duration.ofDays(31);
  private static final int POLL_BATCH = 10_000;
  private static final Logger log = LoggerFactory.getLogger(DncLists.class);

  private final DncEntryRepository entries;
  private final RegistryStore registryStore;
  private final RegistryImports imports;
  private final AuditTrail audit;
  private final Executor blocking;
  private final Clock clock;
  private final Duration pollInterval;

  private final LongHitMap internal = new LongHitMap();
  private final ConcurrentHashMap<String, LongHitMap> campaigns = new ConcurrentHashMap<>();
  private volatile RegistryIndex registry = RegistryIndex.NONE;
  private long lastSeq; // guarded by this
  private final AtomicBoolean registryLoading = new AtomicBoolean();
  private volatile ScheduledExecutorService poller;

  /** {@code blocking} runs registry imports and reloads (seconds of work each). */
  public DncLists(DataSource dataSource, AuditTrail audit, Executor blocking, Clock clock, Duration pollInterval) {
    this.entries = new DncEntryRepository(dataSource);
    this.registryStore = new RegistryStore(dataSource);
    this.audit = audit;
    this.blocking = blocking;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.imports = new RegistryImports(registryStore, blocking, audit, clock, this::install);
  }

  public DncLists(DataSource dataSource, AuditTrail audit, Executor blocking) {
    this(dataSource, audit, blocking, Clock.systemUTC(), DEFAULT_POLL_INTERVAL);
  }

  /** Loads every list and the current registry (blocking), then polls for other nodes' changes. */
  public void start() {
    poll();
    registryStore.current().ifPresent(c -> install(registryStore.load(c)));
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dnc-poll");
      t.setDaemon(true);
      return t;
    });
    s.scheduleWithFixedDelay(this::pollQuietly, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    poller = s;
  }

  @Override
  public void close() {
    ScheduledExecutorService s = poller;
    if (s != null) s.shutdownNow();
  }

  /**
   * In memory, no I/O, no allocation on a miss or a hit: the first list that holds the number
   * (internal, then the campaign's, then the registry). {@code campaignId} null = internal and
   * registry only. {@link IllegalArgumentException} when {@code e164} is not strict E.164.
   */
  public Optional<DncHit> check(String e164, String campaignId) {
    long key = PhoneKeys.keyOfE164(e164);
    if (key < 0) throw new IllegalArgumentException("not an E.164 number: '" + e164 + "'");
    Optional<DncHit> hit = internal.get(key);
    if (hit != null) return hit;
    if (campaignId != null) {
      LongHitMap campaign = campaigns.get(campaignId);
      if (campaign != null && (hit = campaign.get(key)) != null) return hit;
    }
    hit = registry.get(key);
    return hit != null ? hit : Optional.empty();
  }

  /** {@link #add(String, String, DncSource, String, String)} by the actor the source implies. */
  public void add(String e164, String campaignId, DncSource source, String note) {
    add(e164, campaignId, source, note, actorOf(source));
  }

  /**
   * Blocking: persists the entry and updates this node's lists at once (other nodes within their
   * poll interval). Idempotent: a number already on the list keeps its entry. {@code campaignId}
   * null or blank = the internal list. {@code e164} may also be a 10-digit US number.
   */
  public void add(String e164, String campaignId, DncSource source, String note, String actor) {
    long key = keyOf(e164);
    String campaign = campaignOf(campaignId);
    Instant now = clock.instant();
    if (entries.add(key, campaign, source, note, now)) {
      audit.record(new AuditEntry(now, AuditKind.DNC_ADDED, campaign, null, PhoneKeys.toE164(key), rule(campaign), "source " + source, actor));
    }
    poll(); // the write is committed: reading it back applies it here in seq order with any concurrent change
  }

  public boolean remove(String e164, String campaignId) {
    return remove(e164, campaignId, "admin");
  }

  /** Blocking: takes the number off the internal (campaignId null) or campaign list; false when it was not on it. Registry numbers stay. */
  public boolean remove(String e164, String campaignId, String actor) {
    long key = keyOf(e164);
    String campaign = campaignOf(campaignId);
    Instant now = clock.instant();
    boolean removed = entries.remove(key, campaign, now);
    if (removed) audit.record(new AuditEntry(now, AuditKind.DNC_REMOVED, campaign, null, PhoneKeys.toE164(key), rule(campaign), null, actor));
    poll();
    return removed;
  }

  public RegistryStatus registryStatus(Instant now) {
    RegistryIndex r = registry;
    if (r.importId == null)
      return new RegistryStatus(null, null, 0, null, true,
          "no national registry has been imported: upload the current file (POST /api/dnc/registry?date=YYYY-MM-DD)");
    boolean stale = now.isAfter(r.registryDate.atStartOfDay(ZoneOffset.UTC).toInstant().plus(REGISTRY_MAX_AGE));
    String warning = stale
        ? "the national registry copy is of " + r.registryDate + ", more than " + REGISTRY_MAX_AGE.toDays()
            + " days old: the safe harbor needs a fresher one; import the current file"
        : null;
    return new RegistryStatus(r.registryDate, r.importId, r.size(), r.importedAt, stale, warning);
  }

  /** Starts a background import of a registry file; blocking for one INSERT. See {@link RegistryImports}. */
  public RegistryImportState startRegistryImport(Path file, LocalDate registryDate, String actor, boolean deleteFileAfter) {
    return imports.start(file, registryDate, actor, deleteFileAfter);
  }

  /** An import's progress (this node's in memory, else as the database recorded it). Blocking. */
  public Optional<RegistryImportState> registryImport(long id) {
    return imports.find(id);
  }

  /** Reads the changes other nodes (or this one) committed since the last poll, in seq order. Blocking. */
  synchronized void poll() {
    List<DncEntry> batch;
    do {
      batch = entries.changesAfter(lastSeq, POLL_BATCH);
      for (DncEntry e : batch) {
        apply(e);
        lastSeq = e.seq();
      }
    } while (batch.size() == POLL_BATCH);
  }

  private void pollQuietly() {
    try {
      poll();
      Optional<RegistryStore.Current> current = registryStore.current();
      if (current.isPresent() && !Long.valueOf(current.get().id()).equals(registry.importId)
          && registryLoading.compareAndSet(false, true)) {
        blocking.execute(() -> {
          try {
            install(registryStore.load(current.get()));
          } catch (RuntimeException e) {
            log.warn("could not load registry import {}; retrying at the next poll", current.get().id(), e);
          } finally {
            registryLoading.set(false);
          }
        });
      }
    } catch (RuntimeException e) {
      log.warn("DNC poll failed; retrying in {}", pollInterval, e);
    }
  }

  private void apply(DncEntry e) {
    LongHitMap list = e.campaignId() == null ? internal : campaigns.computeIfAbsent(e.campaignId(), c -> new LongHitMap());
    if (e.removedAt() == null) list.put(e.number(), e.hit());
    else list.remove(e.number());
  }

  /**
   * Swaps a registry in. The database's current import is the truth: should a reload that started
   * before an import committed land after it, the next poll sees the ids differ and loads again.
   */
  private void install(RegistryIndex index) {
    registry = index;
  }

  private static long keyOf(String phone) {
    long key = PhoneKeys.parse(phone);
    if (key < 0) throw new IllegalArgumentException("phone '" + phone + "': " + PhoneKeys.reason(key));
    return key;
  }

  private static String campaignOf(String campaignId) {
    return campaignId == null || campaignId.isBlank() ? null : campaignId.trim();
  }

  private static String rule(String campaign) {
    return campaign == null ? "DNC_INTERNAL" : "DNC_CAMPAIGN";
  }

  private static String actorOf(DncSource source) {
    return switch (source) {
      case API -> "admin";
      case DISPOSITION -> "agent";
      case OPT_OUT, INBOUND_STOP -> "callee";
      case REGISTRY_IMPORT, ERASURE -> "system";
    };
  }
}
