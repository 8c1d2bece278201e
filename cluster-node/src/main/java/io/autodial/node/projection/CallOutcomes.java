package io.autodial.node.projection;

import io.autodial.node.leads.CallOutcome;
import java.util.Set;

/** What a finished call means for its lead, from how it ended. */
final class CallOutcomes {
  private static final Set<String> NO_ANSWER = Set.of("NO_ANSWER", "NO_USER_RESPONSE", "ORIGINATOR_CANCEL", "PROGRESS_TIMEOUT", "ALLOTTED_TIMEOUT");
  private static final Set<String> REJECTED = Set.of("CALL_REJECTED", "UNWANTED", "DECLINE", "BUSY_EVERYWHERE");
  private static final Set<String> UNREACHABLE =
      Set.of("NORMAL_TEMPORARY_FAILURE", "UNALLOCATED_NUMBER", "NO_ROUTE_DESTINATION", "INVALID_NUMBER_FORMAT",
          "NETWORK_OUT_OF_ORDER", "RECOVERY_ON_TIMER_EXPIRE", "NUMBER_CHANGED", "SUBSCRIBER_ABSENT", "DESTINATION_OUT_OF_ORDER");

  private CallOutcomes() {}

  /**
   * {@code handled}: the answer was meant for someone, an agent took it or (a broadcast) it was
   * the message's; a person reached that way is ANSWERED, whatever the message's fate.
   */
  static CallOutcome of(boolean answered, boolean abandoned, boolean machine, boolean handled, String cause) {
    if (abandoned) return CallOutcome.DROPPED;
    if (answered) {
      if (machine) return CallOutcome.MACHINE;
      // answered but gone before an agent was connected: the dialer failed this person
      return handled ? CallOutcome.ANSWERED : CallOutcome.DROPPED;
    }
    if ("USER_BUSY".equals(cause)) return CallOutcome.BUSY;
    if (NO_ANSWER.contains(cause)) return CallOutcome.NO_ANSWER;
    if (REJECTED.contains(cause)) return CallOutcome.REJECTED;
    if (UNREACHABLE.contains(cause)) return CallOutcome.UNREACHABLE;
    return CallOutcome.FAILED;
  }
}
