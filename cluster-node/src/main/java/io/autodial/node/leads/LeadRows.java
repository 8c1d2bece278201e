package io.autodial.node.leads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading a {@code leads} row into a {@link Lead}, and the JSON form of its custom fields. */
final class LeadRows {
  private static final List<String> COLUMNS =
      List.of(
          "id", "leadset_id", "phone", "first_name", "last_name", "email", "company", "time_zone", "status",
          "priority", "custom", "attempts", "next_dial_at", "last_outcome", "last_call_uuid", "reserved_by_call",
          "reserved_at", "created_at", "updated_at");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private LeadRows() {}

  /** The select list {@link #read} expects, each column qualified with {@code prefix} (e.g. "l."). */
  static String columns(String prefix) {
    return COLUMNS.stream()
        .map(c -> c.equals("custom") ? prefix + "custom::text AS custom" : prefix + c)
        .collect(Collectors.joining(", "));
  }

  static Lead read(ResultSet rs) throws SQLException {
    String outcome = rs.getString("last_outcome");
    return new Lead(
        rs.getLong("id"),
        rs.getLong("leadset_id"),
        rs.getString("phone"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        rs.getString("company"),
        rs.getString("time_zone"),
        LeadStatus.valueOf(rs.getString("status")),
        rs.getInt("priority"),
        customFromJson(rs.getString("custom")),
        rs.getInt("attempts"),
        instant(rs, "next_dial_at"),
        outcome == null ? null : CallOutcome.valueOf(outcome),
        rs.getObject("last_call_uuid", UUID.class),
        rs.getObject("reserved_by_call", UUID.class),
        instant(rs, "reserved_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static String customToJson(Map<String, String> custom) {
    try {
      return JSON.writeValueAsString(custom);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("custom fields cannot be written as JSON", e);
    }
  }

  private static Map<String, String> customFromJson(String json) {
    try {
      return Map.copyOf(JSON.readValue(json, STRING_MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("custom fields are not a JSON object of strings: " + json, e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
