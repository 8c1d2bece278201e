package io.autodial.node.services;

import io.autodial.http.campaigns.ComplianceSettingsDto;
import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.compliance.ConsentRequirement;
import io.autodial.node.compliance.Jurisdiction;
import io.autodial.node.compliance.RecordingMode;
import java.util.Arrays;

/** A campaign's compliance settings between the API's form and the node's. */
final class ComplianceSettingsMapping {
  private ComplianceSettingsMapping() {}

  /** The request over the current rules: what it leaves out stays as it is. */
  static ComplianceRules merge(ComplianceSettingsDto r, ComplianceRules current) {
    if (r == null) return current;
    return new ComplianceRules(
        r.jurisdiction() == null ? current.jurisdiction() : named(Jurisdiction.class, "compliance.jurisdiction", r.jurisdiction()),
        r.consent() == null ? current.consent() : named(ConsentRequirement.class, "compliance.consent", r.consent()),
        pick(r.callingStart(), current.callingStart()),
        pick(r.callingEnd(), current.callingEnd()),
        pick(r.maxAttemptsPerDay(), current.maxAttemptsPerDay()),
        pick(r.maxAttemptsTotal(), current.maxAttemptsTotal()),
        pick(r.minMinutesBetweenAttempts(), current.minMinutesBetweenAttempts()),
        // a change of jurisdiction takes that jurisdiction's lock-out unless one is given
        r.lockoutHoursAfterAbandon() != null ? r.lockoutHoursAfterAbandon() : r.jurisdiction() != null ? null : current.lockoutHoursAfterAbandon(),
        pick(r.safeHarborMessage(), current.safeHarborMessage()),
        pick(r.optOutDigit(), current.optOutDigit()),
        pick(r.warningAbandonmentPercent(), current.warningAbandonmentPercent()),
        r.amdFalsePositivePercent() != null ? r.amdFalsePositivePercent() : r.jurisdiction() != null ? null : current.amdFalsePositivePercent(),
        r.recording() == null ? current.recording() : named(RecordingMode.class, "compliance.recording", r.recording()),
        pick(r.recordingNotice(), current.recordingNotice()),
        pick(r.allPartyConsentStates(), current.allPartyConsentStates()),
        pick(r.noticeInAllPartyStates(), current.noticeInAllPartyStates()));
  }

  static ComplianceSettingsDto dto(ComplianceRules c) {
    return new ComplianceSettingsDto(
        c.jurisdiction().name(), c.consent().name(), c.callingStart(), c.callingEnd(), c.maxAttemptsPerDay(), c.maxAttemptsTotal(),
        c.minMinutesBetweenAttempts(), c.lockoutHoursAfterAbandon(), c.safeHarborMessage(), c.optOutDigit(),
        c.warningAbandonmentPercent(), c.amdFalsePositivePercent(), c.recording().name(), c.recordingNotice(),
        c.allPartyConsentStates(), c.noticeInAllPartyStates());
  }

  private static <E extends Enum<E>> E named(Class<E> type, String field, String name) {
    for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(name.trim())) return e;
    throw new IllegalArgumentException(field + ": unknown value '" + name + "'; use one of " + Arrays.toString(type.getEnumConstants()));
  }

  private static <T> T pick(T given, T current) {
    return given != null ? given : current;
  }
}
