package io.autodial.node.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.autodial.node.db.ReadModelPool;
import io.autodial.node.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadRepositoryTest {
  private static final Instant NOW = Instant.parse("2025-03-03T15:00:00Z");
  private final RetryRules rules = RetryRules.defaults();
  private HikariDataSource db;
  private LeadRepository leads;
  private long leadset;

  @BeforeEach
  void setUp() {
    db = ReadModelPool.create(TestDatabases.fresh());
    leads = new LeadRepository(db, new LeadValidator(new PhoneNumbers("US")));
    leadset = new LeadsetRepository(db).create("spring", "test set").id();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void fourConcurrentReserversGetEveryLeadExactlyOnce() throws Exception {
    insertLeads(leadset, 1000);
    Map<Long, UUID> reservedBy = new ConcurrentHashMap<>();
    AtomicInteger handedOutTwice = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> reservers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        reservers.add(
            () -> {
              int mine = 0;
              while (true) {
                List<ReservedLead> batch = leads.reserve(List.of(leadset), 7, UUID::randomUUID, NOW);
                if (batch.isEmpty()) return mine;
                for (ReservedLead r : batch) {
                  if (reservedBy.putIfAbsent(r.lead().id(), r.callUuid()) != null) handedOutTwice.incrementAndGet();
                  mine++;
                }
              }
            });
      }
      int total = 0;
      List<Integer> perThread = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(reservers)) {
        perThread.add(f.get());
        total += f.get();
      }
      assertThat(handedOutTwice).hasValue(0);
      assertThat(total).isEqualTo(1000);
      assertThat(reservedBy).hasSize(1000);
      assertThat(new HashSet<>(reservedBy.values())).hasSize(1000);
      assertThat(perThread).allSatisfy(n -> assertThat(n).isPositive()); // they really ran side by side
    } finally {
      pool.shutdown();
    }
    LeadCounts counts = leads.counts(List.of(leadset), NOW);
    assertThat(counts.total()).isEqualTo(1000);
    assertThat(counts.inProgress()).isEqualTo(1000);
    assertThat(counts.dialableNow()).isZero();
    Lead one = leads.find(reservedBy.keySet().iterator().next()).orElseThrow();
    assertThat(one.status()).isEqualTo(LeadStatus.DIALING);
    assertThat(one.attempts()).isEqualTo(1);
    assertThat(one.reservedAt()).isEqualTo(NOW);
    assertThat(one.reservedByCall()).isEqualTo(reservedBy.get(one.id()));
  }

  @Test
  void reservationTakesHighestPriorityThenLongestDueAndSkipsFutureAndOtherSets() throws Exception {
    long other = new LeadsetRepository(db).create("other", null).id();
    long fresh = add(leadset, "+12025550101", 0, null);
    long overdue = add(leadset, "+12025550102", 0, NOW.minus(Duration.ofHours(1)));
    long urgent = add(leadset, "+12025550103", 5, null);
    long later = add(leadset, "+12025550104", 9, NOW.plus(Duration.ofMinutes(1)));
    add(other, "+12025550105", 100, null);

    List<ReservedLead> got = leads.reserve(List.of(leadset), 10, UUID::randomUUID, NOW);

    assertThat(got).extracting(r -> r.lead().id()).containsExactly(urgent, overdue, fresh);
    assertThat(got).noneMatch(r -> r.lead().id() == later);
    assertThat(leads.reserve(List.of(leadset), 10, UUID::randomUUID, NOW.plus(Duration.ofMinutes(1))))
        .extracting(r -> r.lead().id())
        .containsExactly(later);
  }

  @Test
  void outcomesFollowTheRetryRulesUntilAttemptsAreExhausted() {
    long id = add(leadset, "+12025550101", 0, null);
    Instant t = NOW;
    for (int attempt = 1; attempt <= 2; attempt++) {
      UUID call = reserveOne(t);
      leads.recordOutcome(call, CallOutcome.BUSY, rules, t);
      Lead lead = leads.find(id).orElseThrow();
      assertThat(lead.status()).isEqualTo(LeadStatus.RETRY);
      assertThat(lead.attempts()).isEqualTo(attempt);
      assertThat(lead.nextDialAt()).isEqualTo(t.plus(Duration.ofMinutes(30)));
      assertThat(lead.lastOutcome()).isEqualTo(CallOutcome.BUSY);
      assertThat(lead.lastCallUuid()).isEqualTo(call);
      assertThat(lead.reservedByCall()).isNull();
      assertThat(leads.reserve(List.of(leadset), 1, UUID::randomUUID, t.plus(Duration.ofMinutes(29)))).isEmpty();
      t = t.plus(Duration.ofMinutes(30));
    }
    UUID third = reserveOne(t);
    leads.recordOutcome(third, CallOutcome.BUSY, rules, t);
    Lead failed = leads.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(LeadStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(leads.reserve(List.of(leadset), 1, UUID::randomUUID, t.plus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void droppedCallsWaitSeventyTwoHoursAndAnsweredIsFinal() {
    long dropped = add(leadset, "+12025550101", 1, null);
    long answered = add(leadset, "+12025550102", 0, null);
    UUID dropCall = reserveOne(NOW);
    UUID answerCall = reserveOne(NOW);

    leads.recordOutcome(dropCall, CallOutcome.DROPPED, rules, NOW);
    leads.recordOutcome(answerCall, CallOutcome.ANSWERED, rules, NOW);

    Lead d = leads.find(dropped).orElseThrow();
    assertThat(d.status()).isEqualTo(LeadStatus.DROPPED);
    assertThat(d.nextDialAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
    assertThat(leads.find(answered).orElseThrow().status()).isEqualTo(LeadStatus.ANSWERED);
    LeadCounts counts = leads.counts(List.of(leadset), NOW);
    assertThat(counts).isEqualTo(new LeadCounts(2, 0, 0, 1, 0, 1, 0, 0));
    assertThat(leads.reserve(List.of(leadset), 5, UUID::randomUUID, NOW.plus(Duration.ofHours(72))))
        .extracting(r -> r.lead().id())
        .containsExactly(dropped);
  }

  @Test
  void recordingTheSameOutcomeTwiceChangesNothing() {
    long id = add(leadset, "+12025550101", 0, null);
    UUID call = reserveOne(NOW);
    leads.recordOutcome(call, CallOutcome.NO_ANSWER, rules, NOW);
    Lead once = leads.find(id).orElseThrow();

    leads.recordOutcome(call, CallOutcome.NO_ANSWER, rules, NOW.plus(Duration.ofMinutes(5)));
    leads.recordOutcome(call, CallOutcome.ANSWERED, rules, NOW.plus(Duration.ofMinutes(6)));
    leads.recordOutcome(UUID.randomUUID(), CallOutcome.BUSY, rules, NOW);

    assertThat(leads.find(id).orElseThrow()).isEqualTo(once);
    assertThat(once.nextDialAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
  }

  @Test
  void aLeadMarkedDncWhileDialingStaysDnc() {
    long id = add(leadset, "+12025550101", 0, null);
    UUID call = reserveOne(NOW);
    leads.markDnc(id);
    leads.recordOutcome(call, CallOutcome.NO_ANSWER, rules, NOW);
    Lead lead = leads.find(id).orElseThrow();
    assertThat(lead.status()).isEqualTo(LeadStatus.DNC);
    assertThat(lead.reservedByCall()).isNull();
    assertThat(lead.lastOutcome()).isEqualTo(CallOutcome.NO_ANSWER);
    assertThatThrownBy(() -> leads.scheduleCallback(id, NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void callbacksAreDialableFromTheirTime() {
    long id = add(leadset, "+12025550101", 0, null);
    leads.scheduleCallback(id, NOW.plus(Duration.ofHours(1)));
    assertThat(leads.find(id).orElseThrow().status()).isEqualTo(LeadStatus.CALLBACK);
    assertThat(leads.reserve(List.of(leadset), 1, UUID::randomUUID, NOW)).isEmpty();
    assertThat(leads.reserve(List.of(leadset), 1, UUID::randomUUID, NOW.plus(Duration.ofHours(1)))).hasSize(1);
    assertThatThrownBy(() -> leads.markDnc(999_999)).hasMessage("no lead 999999");
  }

  @Test
  void staleReservationsGoBackToRetryWithTheirAttemptReturned() {
    long old = add(leadset, "+12025550101", 1, null);
    long recent = add(leadset, "+12025550102", 0, null);
    UUID oldCall = reserveOne(NOW);
    reserveOne(NOW.plus(Duration.ofMinutes(9)));

    int released = leads.releaseStaleReservations(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(10)));

    assertThat(released).isEqualTo(1);
    Lead o = leads.find(old).orElseThrow();
    assertThat(o.status()).isEqualTo(LeadStatus.RETRY);
    assertThat(o.attempts()).isZero();
    assertThat(o.reservedByCall()).isNull();
    assertThat(leads.find(recent).orElseThrow().status()).isEqualTo(LeadStatus.DIALING);
    // The released call can no longer record an outcome against the lead.
    leads.recordOutcome(oldCall, CallOutcome.ANSWERED, rules, NOW);
    assertThat(leads.find(old).orElseThrow().status()).isEqualTo(LeadStatus.RETRY);
  }

  @Test
  void aReservationWhoseCallStartedIsNeverReleased() throws Exception {
    long lead = add(leadset, "+12025550103", 0, null);
    UUID call = reserveOne(NOW);
    // the Call entity persisted its first event: the call started and will report its own outcome
    try (var c = db.getConnection(); var ps = c.prepareStatement(
        "INSERT INTO event_journal (persistence_id, sequence_number, writer, event_ser_id, event_ser_manifest, event_payload) VALUES (?, 1, 'w', 1, 'm', ?)")) {
      ps.setString(1, "Call|" + call);
      ps.setBytes(2, new byte[] {1});
      ps.executeUpdate();
      c.commit();
    }

    assertThat(leads.releaseStaleReservations(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(10)))).isZero();
    assertThat(leads.find(lead).orElseThrow().status()).isEqualTo(LeadStatus.DIALING);
  }

  @Test
  void addValidatesAndRejectsDuplicates() {
    Lead lead = leads.add(leadset, input("(202) 555-0101", "new", null));
    assertThat(lead.phone()).isEqualTo("+12025550101");
    assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
    assertThat(lead.timeZone()).isEqualTo("America/New_York");
    assertThat(lead.custom()).containsEntry("plan", "gold");

    assertThatThrownBy(() -> leads.add(leadset, input("+1 202 555 0101", "NEW", null)))
        .isInstanceOf(LeadRejected.class)
        .hasMessage("phone +12025550101 is already in leadset " + leadset);
    assertThatThrownBy(() -> leads.add(leadset, input("12", "NEW", null)))
        .hasMessage("phone '12' is not a valid phone number for region US (too short)");
    assertThatThrownBy(() -> leads.add(leadset, input("+12025550102", "DIALING", null)))
        .hasMessage("status 'DIALING' is not one of NEW, RETRY, CALLBACK, DNC");
    assertThatThrownBy(() -> leads.add(leadset, input("+12025550102", "NEW", "x")))
        .hasMessage("email 'x' is not an email address");
    assertThatThrownBy(() -> leads.add(424242, input("+12025550102", "NEW", null)))
        .isInstanceOf(NoSuchLeadset.class);
  }

  private LeadInput input(String phone, String status, String email) {
    return new LeadInput(phone, "Ada", "Lovelace", email, null, null, status, 0, Map.of("plan", "gold"));
  }

  private UUID reserveOne(Instant at) {
    List<ReservedLead> got = leads.reserve(List.of(leadset), 1, UUID::randomUUID, at);
    assertThat(got).hasSize(1);
    return got.get(0).callUuid();
  }

  private long add(long set, String phone, int priority, Instant nextDialAt) {
    Lead lead = leads.add(set, new LeadInput(phone, null, null, null, null, null, "NEW", priority, null));
    if (nextDialAt != null) {
      try (Connection c = db.getConnection();
          PreparedStatement ps = c.prepareStatement("UPDATE leads SET status = 'RETRY', next_dial_at = ? WHERE id = ?")) {
        ps.setTimestamp(1, Timestamp.from(nextDialAt));
        ps.setLong(2, lead.id());
        ps.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return lead.id();
  }

  private void insertLeads(long set, int n) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO leads (leadset_id, phone, status) SELECT ?, '+1202555' || lpad(g::text, 4, '0'), 'NEW'"
                    + " FROM generate_series(1, ?) g")) {
      ps.setLong(1, set);
      ps.setInt(2, n);
      ps.executeUpdate();
      c.commit();
    }
  }
}
