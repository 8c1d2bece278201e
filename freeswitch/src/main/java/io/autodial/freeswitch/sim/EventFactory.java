package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslHeader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Adds the core headers every FreeSWITCH event starts with; owns the switch-wide Event-Sequence. */
final class EventFactory {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter GMT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final String coreUuid = UUID.randomUUID().toString();
    private final String hostname;
    private final AtomicLong sequence = new AtomicLong(1000);

    EventFactory(String hostname) {
        this.hostname = hostname;
    }

    String coreUuid() {
        return coreUuid;
    }

    String hostname() {
        return hostname;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /**
     * An event named {@code name}; {@code calling} is file, function, line; {@code rest} follows the core headers.
     */
    EslEvent create(String name, String[] calling, List<EslHeader> rest, String body) {
        return build(null, name, calling, rest, body);
    }

    /** A CUSTOM event: FreeSWITCH puts Event-Subclass before Event-Name. */
    EslEvent createCustom(String subclass, String[] calling, List<EslHeader> rest) {
        return build(subclass, "CUSTOM", calling, rest, null);
    }

    private EslEvent build(String subclass, String name, String[] calling, List<EslHeader> rest, String body) {
        long micros = nowMicros();
        Instant instant = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000);
        List<EslHeader> h = new ArrayList<>(rest.size() + 14);
        if (subclass != null) {
            h.add(new EslHeader("Event-Subclass", subclass));
        }
        h.add(new EslHeader("Event-Name", name));
        h.add(new EslHeader("Core-UUID", coreUuid));
        h.add(new EslHeader("FreeSWITCH-Hostname", hostname));
        h.add(new EslHeader("FreeSWITCH-Switchname", hostname));
        h.add(new EslHeader("FreeSWITCH-IPv4", "127.0.0.1"));
        h.add(new EslHeader("FreeSWITCH-IPv6", "::1"));
        h.add(new EslHeader("Event-Date-Local", LOCAL.format(ZonedDateTime.ofInstant(instant, ZoneId.systemDefault()))));
        h.add(new EslHeader("Event-Date-GMT", GMT.format(ZonedDateTime.ofInstant(instant, ZoneId.of("GMT")))));
        h.add(new EslHeader("Event-Date-Timestamp", Long.toString(micros)));
        h.add(new EslHeader("Event-Calling-File", calling[0]));
        h.add(new EslHeader("Event-Calling-Function", calling[1]));
        h.add(new EslHeader("Event-Calling-Line-Number", calling[2]));
        h.add(new EslHeader("Event-Sequence", Long.toString(sequence.incrementAndGet())));
        h.addAll(rest);
        return new EslEvent(h, body);
    }
}
