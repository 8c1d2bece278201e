package io.autodial.node.leads;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which CSV header holds each lead field. Phone and status are required; a null optional field is
 * not loaded. With {@code keepUnmappedAsCustom}, every other column goes into the lead's custom
 * fields under its header name.
 */
public record ColumnMapping(
    String phone,
    String status,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    String priority,
    boolean keepUnmappedAsCustom) {

  public ColumnMapping {
    if (phone == null || phone.isBlank()) throw new IllegalArgumentException("the mapping needs the header of the phone column");
    if (status == null || status.isBlank()) throw new IllegalArgumentException("the mapping needs the header of the status column");
  }

  /** Field name (as in the API: phone, status, first_name, ...) to header, for the fields that are mapped. */
  public Map<String, String> mappedHeaders() {
    Map<String, String> byField = new LinkedHashMap<>();
    byField.put("phone", phone);
    byField.put("status", status);
    putIfSet(byField, "first_name", firstName);
    putIfSet(byField, "last_name", lastName);
    putIfSet(byField, "email", email);
    putIfSet(byField, "company", company);
    putIfSet(byField, "time_zone", timeZone);
    putIfSet(byField, "priority", priority);
    return byField;
  }

  private static void putIfSet(Map<String, String> map, String field, String header) {
    if (header != null && !header.isBlank()) map.put(field, header);
  }
}
