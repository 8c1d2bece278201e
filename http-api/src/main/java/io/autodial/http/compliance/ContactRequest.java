package io.autodial.http.compliance;

/** A contact named by phone number, in a body so the number stays out of URLs and access logs. */
public record ContactRequest(String phone) {
  public ContactRequest {
    if (phone == null || phone.isBlank()) throw new IllegalArgumentException("phone: give the contact's phone number");
  }
}
