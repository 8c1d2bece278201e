package io.autodial.node.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autodial.http.compliance.LeadComplianceService;
import io.autodial.node.campaign.CampaignSettings;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.eligibility.Consent;
import io.autodial.node.compliance.eligibility.DialGate;
import io.autodial.node.compliance.eligibility.Verdict;
import io.autodial.node.leads.Lead;
import io.autodial.node.leads.LeadRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The compliance side of leads over PostgreSQL, on the blocking executor; the verdict is the dialer's own {@link DialGate}. */
public final class LeadComplianceServiceImpl implements LeadComplianceService {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final DataSource dataSource;
  private final LeadRepository leads;
  private final DialGate gate;
  private final Consents consents;
  private final CompanyNumbers numbers;
  private final AuditTrail audit;
  private final Executor blocking;
  private final Function<String, Optional<CampaignSettings>> campaignSettings;

  /** {@code campaignSettings}: a campaign's settings as its entity has them now (blocking). */
  public LeadComplianceServiceImpl(
      DataSource dataSource, LeadRepository leads, DialGate gate, Consents consents, CompanyNumbers numbers, AuditTrail audit, Executor blocking,
      Function<String, Optional<CampaignSettings>> campaignSettings) {
    this.campaignSettings = campaignSettings;
    this.dataSource = dataSource;
    this.leads = leads;
    this.gate = gate;
    this.consents = consents;
    this.numbers = numbers;
    this.audit = audit;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Optional<EligibilityView>> eligibility(long leadId, String campaignId, String at) {
    Instant when = instant("at", at);
    return async(() -> leads.find(leadId).map(lead -> {
      Campaign campaign = campaignOf(lead, campaignId);
      Verdict v = gate.evaluate(lead, campaign.id(), campaign.rules(), when);
      return new EligibilityView(
          leadId, campaign.id(), v.at().toString(), v.allowed(),
          v.blocks().stream().map(b -> new Block(b.rule().name(), b.reason(), b.nextAllowedAt() == null ? null : b.nextAllowedAt().toString())).toList(),
          v.zones().source().name(),
          v.localTimes().stream().map(t -> new LocalTime(t.getZone().getId(), LOCAL.format(t))).toList(),
          v.nextAllowedAt() == null ? null : v.nextAllowedAt().toString(), v.warnings());
    }));
  }

  @Override
  public CompletionStage<Optional<List<ConsentView>>> consents(long leadId) {
    return async(() -> leads.find(leadId).map(lead -> consents.of(leadId).stream().map(c -> view(leadId, c)).toList()));
  }

  @Override
  public CompletionStage<Optional<ConsentView>> addConsent(long leadId, ConsentRequest r, String actor) {
    if (r == null) throw new IllegalArgumentException("a consent needs source, method and obtainedAt");
    Instant obtained = r.obtainedAt() == null ? Instant.now() : instant("obtainedAt", r.obtainedAt());
    boolean written = r.written() != null && r.written();
    return async(() -> leads.find(leadId).map(lead -> {
      Consent c = consents.add(leadId, written, r.source(), r.method(), obtained);
      audit.record(new AuditEntry(Instant.now(), AuditKind.CONSENT_GIVEN, null, leadId, lead.phone(), "CONSENT",
          (written ? "written" : "express") + " consent from " + c.source() + " by " + c.method() + ", obtained " + c.obtainedAt(), actor));
      return view(leadId, c);
    }));
  }

  @Override
  public CompletionStage<Optional<Integer>> revokeConsent(long leadId, String via, String actor) {
    return async(() -> leads.find(leadId).map(lead -> revoke(lead.phone(), leadId, via, actor)));
  }

  @Override
  public CompletionStage<InboundResult> inbound(InboundMessage m) {
    if (m == null || m.from() == null) throw new IllegalArgumentException("from is required: the number the message came from");
    String from = CompanyNumbers.e164(m.from());
    boolean stop = Consents.isStop(m.body());
    return async(() -> new InboundResult(from, stop, stop ? revoke(from, null, "INBOUND_STOP", "callee") : 0));
  }

  @Override
  public CompletionStage<List<CompanyNumberView>> companyNumbers() {
    return async(() -> numbers.list().entrySet().stream().map(e -> new CompanyNumberView(e.getKey(), e.getValue())).toList());
  }

  @Override
  public CompletionStage<CompanyNumberView> addCompanyNumber(CompanyNumberView number) {
    if (number == null) throw new IllegalArgumentException("number is required");
    String e164 = CompanyNumbers.e164(number.number());
    return async(() -> new CompanyNumberView(numbers.add(e164, number.label()), number.label()));
  }

  @Override
  public CompletionStage<Boolean> removeCompanyNumber(String number) {
    return async(() -> numbers.remove(number));
  }

  private int revoke(String phone, Long leadId, String via, String actor) {
    int revoked = consents.revokeNumber(phone, via, Instant.now());
    audit.record(new AuditEntry(Instant.now(), AuditKind.CONSENT_REVOKED, null, leadId, phone, "CONSENT",
        "revoked by " + via + ": " + revoked + " active consent record(s) ended", actor));
    return revoked;
  }

  private record Campaign(String id, ComplianceRules rules) {}

  /** The campaign asked for, else the first whose leadsets hold the lead, else none (default rules). */
  private Campaign campaignOf(Lead lead, String campaignId) {
    if (campaignId != null)
      return campaignSettings.apply(campaignId).map(s -> new Campaign(campaignId, s.compliance()))
          .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT campaign_id, settings::text FROM campaigns ORDER BY campaign_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        CampaignSettings s = JSON.readValue(rs.getString(2), CampaignSettings.class);
        if (s.leadsetIds().contains(lead.leadsetId())) return new Campaign(rs.getString(1), s.compliance());
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not read campaigns: " + e.getMessage(), e);
    }
    return new Campaign(null, ComplianceRules.DEFAULT);
  }

  private static ConsentView view(long leadId, Consent c) {
    return new ConsentView(c.id(), leadId, c.written(), c.source(), c.method(), c.obtainedAt().toString(),
        c.revokedAt() == null ? null : c.revokedAt().toString(), c.revokedVia());
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) return Instant.now();
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-11-21T14:00:00Z, not '" + value + "'");
    }
  }

  private <T> CompletionStage<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, blocking);
  }
}
