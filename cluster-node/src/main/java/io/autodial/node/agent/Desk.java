package io.autodial.node.agent;

import io.autodial.protocol.CborSerializable;
import java.time.Instant;

/**
 * What an agent has whatever its state: the campaign it works, its own leg on the switch (a
 * nailed-up connection the customer is bridged to), and since when it is in its current state.
 */
public record Desk(String campaignId, String legUuid, String legSwitchId, boolean legUp, Instant since)
    implements CborSerializable {

  static Desk empty() {
    return new Desk(null, null, null, false, Instant.EPOCH);
  }

  Desk since(Instant at) {
    return new Desk(campaignId, legUuid, legSwitchId, legUp, at);
  }

  Desk campaign(String id) {
    return new Desk(id, legUuid, legSwitchId, legUp, since);
  }

  Desk legRequested(String uuid) {
    return new Desk(campaignId, uuid, null, false, since);
  }

  Desk legUp(String switchId) {
    return new Desk(campaignId, legUuid, switchId, true, since);
  }

  Desk legDown() {
    return new Desk(campaignId, null, null, false, since);
  }
}
