package io.autodial.freeswitch.codec;

import java.util.List;
import java.util.Optional;

/** An event as FreeSWITCH holds it: ordered, decoded header values (duplicates allowed) and an optional body. */
public record EslEvent(List<EslHeader> headers, String body) {
    public EslEvent {
        headers = List.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(EslHeader::value).findFirst();
    }

    public String name() {
        return header("Event-Name").orElse("");
    }

    public boolean hasBody() {
        return body != null;
    }
}
