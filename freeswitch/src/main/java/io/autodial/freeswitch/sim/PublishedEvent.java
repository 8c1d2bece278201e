package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslPackets;

/** An event on its way to listeners; each wire format is serialized once, however many listeners take it. */
final class PublishedEvent {
    final EslEvent event;
    final String name;
    final String subclass;
    private byte[] plain;
    private byte[] json;

    PublishedEvent(EslEvent event) {
        this.event = event;
        this.name = event.name();
        this.subclass = event.header("Event-Subclass").orElse(null);
    }

    byte[] bytes(Subscription.Format format) {
        if (format == Subscription.Format.JSON) {
            if (json == null) {
                json = EslPackets.jsonEvent(event);
            }
            return json;
        }
        if (plain == null) {
            plain = EslPackets.plainEvent(event);
        }
        return plain;
    }
}
