package io.autodial.node.compliance.eligibility;

import io.autodial.node.compliance.dnc.DncHit;
import java.util.Optional;

/** The do-not-call lookup the rules use (the node's in-memory DNC lists). */
@FunctionalInterface
public interface DncCheck {
  Optional<DncHit> check(String e164, String campaignId);
}
