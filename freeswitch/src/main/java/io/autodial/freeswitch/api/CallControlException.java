package io.autodial.freeswitch.api;

/** A switch refused a command or could not be reached; the message says which and why. */
public class CallControlException extends RuntimeException {
  public CallControlException(String message) {
    super(message);
  }

  public CallControlException(String message, Throwable cause) {
    super(message, cause);
  }
}
