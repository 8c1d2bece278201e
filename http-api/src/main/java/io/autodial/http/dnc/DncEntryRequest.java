package io.autodial.http.dnc;

/** {@code POST /api/dnc}: {@code campaignId} absent = the internal (company-wide) list. */
public record DncEntryRequest(String phone, String campaignId, String note) {
  public DncEntryRequest {
    if (phone == null || phone.isBlank()) throw new IllegalArgumentException("phone is required, e.g. \"+12125550123\"");
  }
}
