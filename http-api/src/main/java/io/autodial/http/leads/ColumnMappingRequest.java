package io.autodial.http.leads;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Which CSV header holds each lead field ({@code phone} and {@code status} required). Other
 * headers become custom fields unless {@code keepUnmappedAsCustom} is false. Field names are
 * accepted in camelCase or snake_case.
 */
public record ColumnMappingRequest(
    String phone,
    String status,
    @JsonAlias("first_name") String firstName,
    @JsonAlias("last_name") String lastName,
    String email,
    String company,
    @JsonAlias("time_zone") String timeZone,
    String priority,
    @JsonAlias("keep_unmapped_as_custom") Boolean keepUnmappedAsCustom) {

  public ColumnMappingRequest {
    if (phone == null || phone.isBlank()) throw new IllegalArgumentException("mapping.phone must name the CSV header of the phone column");
    if (status == null || status.isBlank()) throw new IllegalArgumentException("mapping.status must name the CSV header of the status column");
    keepUnmappedAsCustom = keepUnmappedAsCustom == null || keepUnmappedAsCustom;
  }
}
