package io.autodial.http.leads;

/**
 * How a {@link LeadsService} call fails when the request cannot be done; {@link LeadsetRoutes}
 * turns the kind into the HTTP status and the message into the error body.
 */
public final class LeadsFailure extends RuntimeException {
  public enum Kind {
    /** The leadset or lead does not exist (404). */
    NOT_FOUND,
    /** The request itself is wrong: a bad mapping, phone, URL (400). */
    INVALID,
    /** It clashes with what exists, e.g. a leadset name in use (409). */
    CONFLICT,
    /** The request is well formed but its source cannot be used, e.g. the URL answered 404 (422). */
    UNPROCESSABLE
  }

  private final Kind kind;

  public LeadsFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
