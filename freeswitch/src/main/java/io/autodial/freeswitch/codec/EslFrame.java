package io.autodial.freeswitch.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One ESL frame: ordered headers (duplicates allowed) and a body. For a client command the first "header" slot
 * is not used: {@link #command()} carries the command line.
 */
public record EslFrame(String command, List<EslHeader> headers, byte[] body) {
    public EslFrame {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static EslFrame packet(List<EslHeader> headers, byte[] body) {
        return new EslFrame(null, headers, body);
    }

    /** First header with that name, case-insensitively. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(EslHeader::value).findFirst();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
