package io.autodial.http.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A campaign's compliance figures per UTC day, every day of the range listed, and over the whole
 * range ({@code total}, its {@code date} null). Abandonment is over live answers, as the 3 % rule
 * measures it.
 */
public record ComplianceReportView(String campaignId, LocalDate from, LocalDate to, Day total, List<Day> days) {

  public record Day(
      LocalDate date,
      long liveAnswers,
      long abandoned,
      double abandonmentPercent,
      long messagesPlayed,
      long optOuts,
      Map<String, Long> blocksByRule) {}
}
