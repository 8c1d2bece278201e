package io.autodial.node.leads;

import io.autodial.node.db.Transactions;
import static io.autodial.node.leads.LeadRows.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@code leads} table. Every method is plain blocking JDBC that runs in its own transaction and
 * returns when it has committed: callers run it on a dedicated executor, never on an actor or
 * HTTP dispatcher thread.
 */
public final class LeadRepository {
  private static final String DIALABLE_STATUSES =
      LeadStatus.DIALABLE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

  // FOR UPDATE SKIP LOCKED: concurrent reservers (threads or nodes) each lock different rows and
  // never wait on each other; a row another transaction has just reserved and committed is
  // re-checked against the WHERE clause and dropped, so no lead is handed out twice.
  private static final String PICK_DIALABLE =
      "SELECT id FROM leads"
          + " WHERE leadset_id = ANY (?) AND status IN (" + DIALABLE_STATUSES + ")"
          + "   AND reserved_by_call IS NULL AND (next_dial_at IS NULL OR next_dial_at <= ?)"
          + " ORDER BY priority DESC, next_dial_at ASC NULLS LAST, id"
          + " LIMIT ? FOR UPDATE SKIP LOCKED";

  private static final String MARK_DIALING =
      "UPDATE leads l SET status = 'DIALING', reserved_by_call = r.call_uuid, reserved_at = ?,"
          + " attempts = l.attempts + 1, updated_at = ?, held_by_agent = r.agent"
          + " FROM unnest(?::bigint[], ?::uuid[], ?::varchar[]) AS r(id, call_uuid, agent)"
          + " WHERE l.id = r.id RETURNING " + LeadRows.columns("l.");

  // One lead by id, for an agent's manual dial: the row lock makes a second, concurrent reservation
  // wait, re-check the WHERE clause and find the lead taken. next_dial_at does not apply: the agent
  // chose to call now.
  private static final String MARK_ONE =
      "UPDATE leads SET status = 'DIALING', reserved_by_call = ?, reserved_at = ?, attempts = attempts + 1, updated_at = ?"
          + " WHERE id = ? AND leadset_id = ANY (?) AND status IN (" + DIALABLE_STATUSES + ") AND reserved_by_call IS NULL"
          + " RETURNING " + LeadRows.columns("");

  private final DataSource dataSource;
  private final LeadValidator validator;

  /** {@code validator} checks leads added one by one with {@link #add}. */
  public LeadRepository(DataSource dataSource, LeadValidator validator) {
    this.dataSource = dataSource;
    this.validator = validator;
  }

  /**
   * Reserves up to {@code max} dialable leads of the given sets, best first (priority, then the
   * longest due, then the oldest), each for one attempt under a fresh uuid from {@code callUuids}:
   * they become DIALING with one more attempt counted. The reservation lives in the database, so
   * it holds across threads, nodes and restarts until {@link #recordOutcome} or
   * {@link #releaseStaleReservations} ends it.
   */
  public List<ReservedLead> reserve(List<Long> leadsetIds, int max, Supplier<UUID> callUuids, Instant now) {
    return reserve(leadsetIds, max, callUuids, List.of(), now);
  }

  /**
   * Reserves one lead per agent, as {@link #reserve} does, each held for its agent's preview: the
   * sweep of reservations whose call never started leaves them alone, since the agent is still
   * looking at them. Returns agent id → its lead, for as many agents as there were leads.
   */
  public Map<String, ReservedLead> reserveForAgents(List<Long> leadsetIds, List<String> agentIds, Supplier<UUID> callUuids, Instant now) {
    List<ReservedLead> leads = reserve(leadsetIds, agentIds.size(), callUuids, agentIds, now);
    Map<String, ReservedLead> byAgent = new java.util.LinkedHashMap<>();
    for (int i = 0; i < leads.size(); i++) byAgent.put(agentIds.get(i), leads.get(i));
    return byAgent;
  }

  /**
   * Reserves lead {@code leadId} for one attempt under {@code callUuid}, if it is in one of the
   * sets and dialable; otherwise says why not. At most one of concurrent reservations of a lead
   * succeeds.
   */
  public LeadPick reserveOne(long leadId, List<Long> leadsetIds, UUID callUuid, Instant now) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement mark = c.prepareStatement(MARK_ONE)) {
            mark.setObject(1, callUuid);
            mark.setTimestamp(2, timestamp(now));
            mark.setTimestamp(3, timestamp(now));
            mark.setLong(4, leadId);
            mark.setArray(5, c.createArrayOf("bigint", leadsetIds.toArray()));
            try (ResultSet rs = mark.executeQuery()) {
              if (rs.next()) return new LeadPick.Reserved(new ReservedLead(callUuid, LeadRows.read(rs)));
            }
          }
          try (PreparedStatement why = c.prepareStatement("SELECT leadset_id, status, reserved_by_call IS NOT NULL FROM leads WHERE id = ?")) {
            why.setLong(1, leadId);
            try (ResultSet rs = why.executeQuery()) {
              if (!rs.next()) return new LeadPick.NoSuchLead();
              if (!leadsetIds.contains(rs.getLong(1))) return new LeadPick.NotInLeadsets();
              return new LeadPick.NotDialable(LeadStatus.valueOf(rs.getString(2)), rs.getBoolean(3));
            }
          }
        });
  }

  /**
   * Gives back the reservation of call {@code callUuid}, which was never dialed (a skipped preview,
   * an agent who could not take the call): the lead is dialable again and the attempt it counted is
   * taken back. Idempotent.
   */
  public void release(UUID callUuid, Instant now) {
    Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE leads SET status = CASE WHEN attempts <= 1 THEN 'NEW' ELSE 'RETRY' END,"
                      + " attempts = GREATEST(attempts - 1, 0), reserved_by_call = NULL, reserved_at = NULL,"
                      + " held_by_agent = NULL, updated_at = ?"
                      + " WHERE reserved_by_call = ? AND status = 'DIALING'")) {
            ps.setTimestamp(1, timestamp(now));
            ps.setObject(2, callUuid);
            ps.executeUpdate();
          }
          // the compliance check counted the attempt when it admitted the lead; it never happened
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM lead_attempts WHERE call_uuid = ?")) {
            ps.setObject(1, callUuid);
            return ps.executeUpdate();
          }
        });
  }

  private List<ReservedLead> reserve(List<Long> leadsetIds, int max, Supplier<UUID> callUuids, List<String> heldBy, Instant now) {
    if (max <= 0 || leadsetIds.isEmpty()) return List.of();
    return Transactions.inTransaction(
        dataSource,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement pick = c.prepareStatement(PICK_DIALABLE)) {
            pick.setArray(1, c.createArrayOf("bigint", leadsetIds.toArray()));
            pick.setTimestamp(2, timestamp(now));
            pick.setInt(3, max);
            try (ResultSet rs = pick.executeQuery()) {
              while (rs.next()) ids.add(rs.getLong(1));
            }
          }
          if (ids.isEmpty()) return List.of();
          UUID[] calls = new UUID[ids.size()];
          String[] agents = new String[ids.size()];
          for (int i = 0; i < calls.length; i++) {
            calls[i] = callUuids.get();
            agents[i] = i < heldBy.size() ? heldBy.get(i) : null;
          }
          List<ReservedLead> reserved = new ArrayList<>();
          try (PreparedStatement mark = c.prepareStatement(MARK_DIALING)) {
            mark.setTimestamp(1, timestamp(now));
            mark.setTimestamp(2, timestamp(now));
            mark.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            mark.setArray(4, c.createArrayOf("uuid", calls));
            mark.setArray(5, c.createArrayOf("varchar", agents));
            try (ResultSet rs = mark.executeQuery()) {
              while (rs.next()) {
                Lead lead = LeadRows.read(rs);
                reserved.add(new ReservedLead(lead.reservedByCall(), lead));
              }
            }
          }
          // RETURNING has no order; hand leads out in the order they were picked.
          Map<Long, Integer> rank = new HashMap<>();
          for (int i = 0; i < ids.size(); i++) rank.put(ids.get(i), i);
          reserved.sort(Comparator.comparing(r -> rank.get(r.lead().id())));
          return reserved;
        });
  }

  /**
   * Ends the attempt of call {@code callUuid}: the lead's reservation is cleared, the outcome is
   * recorded and the lead becomes ANSWERED, or RETRY/DROPPED from {@code now + delay}, or FAILED
   * once its attempts reach the rule's maximum. Idempotent: when no lead is reserved by that call
   * (already recorded, released, or never reserved) nothing changes. A lead whose status was
   * changed while it was being dialed (e.g. marked DNC) keeps that status.
   */
  public void recordOutcome(UUID callUuid, CallOutcome outcome, RetryRules rules, Instant now) {
    Transactions.inTransaction(
        dataSource,
        c -> {
          long id;
          LeadStatus status;
          int attempts;
          try (PreparedStatement find =
              c.prepareStatement("SELECT id, status, attempts FROM leads WHERE reserved_by_call = ? FOR UPDATE")) {
            find.setObject(1, callUuid);
            try (ResultSet rs = find.executeQuery()) {
              if (!rs.next()) return null;
              id = rs.getLong(1);
              status = LeadStatus.valueOf(rs.getString(2));
              attempts = rs.getInt(3);
            }
          }
          LeadStatus nextStatus;
          Instant nextDialAt = null;
          if (status != LeadStatus.DIALING) {
            nextStatus = status;
          } else if (outcome == CallOutcome.ANSWERED) {
            nextStatus = LeadStatus.ANSWERED;
          } else {
            RetryRules.Retry retry = rules.retryFor(outcome);
            if (attempts >= retry.maxAttempts()) {
              nextStatus = LeadStatus.FAILED;
            } else {
              nextStatus = outcome == CallOutcome.DROPPED ? LeadStatus.DROPPED : LeadStatus.RETRY;
              nextDialAt = now.plus(retry.delay());
            }
          }
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE leads SET status = ?, next_dial_at = CASE WHEN ? THEN ? ELSE next_dial_at END,"
                      + " last_outcome = ?, last_call_uuid = ?, reserved_by_call = NULL, reserved_at = NULL, held_by_agent = NULL, updated_at = ?"
                      + " WHERE id = ?")) {
            boolean statusChanged = status == LeadStatus.DIALING;
            update.setString(1, nextStatus.name());
            update.setBoolean(2, statusChanged);
            update.setTimestamp(3, timestamp(nextDialAt));
            update.setString(4, outcome.name());
            update.setObject(5, callUuid);
            update.setTimestamp(6, timestamp(now));
            update.setLong(7, id);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** An agent asked to call this lead again at {@code at}. DNC and INVALID leads stay as they are. */
  public void scheduleCallback(long leadId, Instant at) {
    updateOne(
        leadId,
        "UPDATE leads SET status = 'CALLBACK', next_dial_at = ?, updated_at = now()"
            + " WHERE id = ? AND status NOT IN ('DNC', 'INVALID')",
        ps -> ps.setTimestamp(1, timestamp(at)),
        "is DNC or INVALID and cannot be called back");
  }

  /** The lead must never be dialed again (a reservation in flight keeps DNC when it ends). */
  public void markDnc(long leadId) {
    updateOne(leadId, "UPDATE leads SET status = 'DNC', updated_at = now() WHERE id = ?", ps -> {}, "");
  }

  /**
   * Returns DIALING leads reserved before {@code now - olderThan} whose call never started to
   * RETRY, taking back the attempt the reservation counted: what a node that died between
   * reserving a lead and creating its Call leaves behind. A call has started once its Call entity
   * persisted anything (persistence id {@code Call|<uuid>}); such a lead is left to the call's own
   * outcome, so it can never be dialed twice.
   */
  public int releaseStaleReservations(Duration olderThan, Instant now) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE leads SET status = 'RETRY', attempts = GREATEST(attempts - 1, 0),"
                      + " reserved_by_call = NULL, reserved_at = NULL, updated_at = ?"
                      + " WHERE status = 'DIALING' AND reserved_by_call IS NOT NULL AND reserved_at < ? AND held_by_agent IS NULL"
                      + " AND NOT EXISTS (SELECT 1 FROM event_journal j"
                      + "   WHERE j.persistence_id = 'Call|' || leads.reserved_by_call::text)")) {
            ps.setTimestamp(1, timestamp(now));
            ps.setTimestamp(2, timestamp(now.minus(olderThan)));
            return ps.executeUpdate();
          }
        });
  }

  /** How the leads of these sets stand at {@code now}, in one query. */
  public LeadCounts counts(List<Long> leadsetIds, Instant now) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*),"
                      + " count(*) FILTER (WHERE status IN (" + DIALABLE_STATUSES + ") AND reserved_by_call IS NULL"
                      + "   AND (next_dial_at IS NULL OR next_dial_at <= ?)),"
                      + " count(*) FILTER (WHERE status = 'DIALING'),"
                      + " count(*) FILTER (WHERE status = 'ANSWERED'),"
                      + " count(*) FILTER (WHERE status = 'FAILED'),"
                      + " count(*) FILTER (WHERE status = 'DROPPED'),"
                      + " count(*) FILTER (WHERE status = 'DNC'),"
                      + " count(*) FILTER (WHERE status = 'INVALID')"
                      + " FROM leads WHERE leadset_id = ANY (?)")) {
            ps.setTimestamp(1, timestamp(now));
            ps.setArray(2, c.createArrayOf("bigint", leadsetIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new LeadCounts(
                  rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                  rs.getLong(7), rs.getLong(8));
            }
          }
        });
  }

  /** The preview skips of lead {@code id}, oldest first. */
  public List<LeadSkip> skips(long id) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          List<LeadSkip> skips = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT agent_id, campaign_id, reason, skipped_at FROM lead_skips WHERE lead_id = ? ORDER BY skipped_at")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) skips.add(new LeadSkip(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
          }
          return skips;
        });
  }

  public Optional<Lead> find(long id) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT " + LeadRows.columns("") + " FROM leads WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(LeadRows.read(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Adds one lead (from a form): {@link LeadRejected} when it is invalid or its phone is already in
   * the set, {@link NoSuchLeadset} when the set does not exist.
   */
  public Lead add(long leadsetId, LeadInput input) {
    NewLead lead = validator.validate(input);
    try {
      return Transactions.inTransaction(
          dataSource,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(LeadInserts.INSERT + " RETURNING " + LeadRows.columns(""))) {
              LeadInserts.bind(ps, leadsetId, lead);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return LeadRows.read(rs);
              }
            }
          });
    } catch (Transactions.StoreFailure e) {
      SQLException cause = (SQLException) e.getCause();
      if (Transactions.isUniqueViolation(cause))
        throw new LeadRejected("phone " + lead.phone() + " is already in leadset " + leadsetId);
      if (Transactions.isForeignKeyViolation(cause)) throw new NoSuchLeadset(leadsetId);
      throw e;
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Runs an update of lead {@code leadId} whose id is the last parameter; explains when no row matched. */
  private void updateOne(long leadId, String sql, Binder binder, String whyNotUpdated) {
    int updated =
        Transactions.inTransaction(
            dataSource,
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.setLong(ps.getParameterMetaData().getParameterCount(), leadId);
                return ps.executeUpdate();
              }
            });
    if (updated == 0) {
      if (find(leadId).isEmpty()) throw new IllegalArgumentException("no lead " + leadId);
      throw new IllegalStateException("lead " + leadId + " " + whyNotUpdated);
    }
  }
}
