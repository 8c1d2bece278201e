package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fans every fired event out to the ESL connections (each applies its own subscription and filters). */
final class EventBus {
    private final List<EslConnection> connections = new CopyOnWriteArrayList<>();
    private final List<Consumer<EslEvent>> observers = new CopyOnWriteArrayList<>();

    void add(EslConnection c) {
        connections.add(c);
    }

    void remove(EslConnection c) {
        connections.remove(c);
    }

    List<EslConnection> connections() {
        return connections;
    }

    /** In-process observers (the simulator's own bookkeeping); called before delivery. */
    void observe(Consumer<EslEvent> observer) {
        observers.add(observer);
    }

    void publish(EslEvent event) {
        for (Consumer<EslEvent> o : observers) {
            o.accept(event);
        }
        if (connections.isEmpty()) {
            return;
        }
        PublishedEvent published = new PublishedEvent(event);
        for (EslConnection c : connections) {
            c.deliver(published);
        }
    }
}
