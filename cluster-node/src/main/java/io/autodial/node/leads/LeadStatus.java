package io.autodial.node.leads;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead is in its dialing life. Stored by name in {@code leads.status}. */
public enum LeadStatus {
  /** Loaded and never dialed. */
  NEW,
  /** Reserved for exactly one attempt; {@code reserved_by_call} names the call. */
  DIALING,
  /** An attempt did not reach a person; dialable again from {@code next_dial_at}. */
  RETRY,
  /** An agent scheduled a call back; dialable from {@code next_dial_at}. */
  CALLBACK,
  /** A live person answered; final until disposition logic says otherwise. */
  ANSWERED,
  /** Answered but abandoned (no agent in time); retried like RETRY but counted apart for compliance. */
  DROPPED,
  /** Attempts exhausted under the retry rules. */
  FAILED,
  /** Must never be dialed again. */
  DNC,
  /** The data cannot be dialed (e.g. the number turned out not to exist). */
  INVALID,
  /** A compliance rule that time does not lift (no consent, the campaign's DNC list) holds it back; {@code blocked_by} names it. */
  BLOCKED;

  /** Statuses a dialer may pick, once {@code next_dial_at} has passed and nobody holds the lead. */
  public static final Set<LeadStatus> DIALABLE = EnumSet.of(NEW, RETRY, CALLBACK, DROPPED);

  /** Statuses a lead may be given when it is loaded from a file or a form. */
  public static final Set<LeadStatus> LOADABLE = EnumSet.of(NEW, RETRY, CALLBACK, DNC);
}
