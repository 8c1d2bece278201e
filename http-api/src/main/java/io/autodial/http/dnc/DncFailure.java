package io.autodial.http.dnc;

/** How a {@link DncService} call fails when the request cannot be done; {@link DncRoutes} maps the kind to the status. */
public final class DncFailure extends RuntimeException {
  public enum Kind {
    /** A bad phone, date or file (400). */
    INVALID,
    /** A registry import is already running (409). */
    CONFLICT
  }

  private final Kind kind;

  public DncFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
