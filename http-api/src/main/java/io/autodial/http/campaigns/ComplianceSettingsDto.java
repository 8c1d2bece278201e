package io.autodial.http.campaigns;

import java.util.List;

/**
 * A campaign's compliance settings. In a request every field may be left out (it keeps its value,
 * or its default); in a reply every field is set. {@code jurisdiction} is US or UK; {@code consent}
 * NONE, ANY or WRITTEN; {@code callingStart}/{@code callingEnd} are "HH:mm" in the lead's local
 * time; {@code recording} is OFF, ON or ON_WITH_NOTICE.
 */
public record ComplianceSettingsDto(
    String jurisdiction,
    String consent,
    String callingStart,
    String callingEnd,
    Integer maxAttemptsPerDay,
    Integer maxAttemptsTotal,
    Integer minMinutesBetweenAttempts,
    Integer lockoutHoursAfterAbandon,
    String safeHarborMessage,
    String optOutDigit,
    Double warningAbandonmentPercent,
    Double amdFalsePositivePercent,
    String recording,
    String recordingNotice,
    List<String> allPartyConsentStates,
    Boolean noticeInAllPartyStates) {}
