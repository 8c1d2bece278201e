package io.autodial.freeswitch.codec;

import java.nio.charset.StandardCharsets;

/** {@code switch_event_serialize} (plain) and {@code switch_event_serialize_json} byte for byte. */
public final class EslEventSerializer {
    private EslEventSerializer() {}

    public static String plain(EslEvent event) {
        StringBuilder out = new StringBuilder(4096);
        for (EslHeader h : event.headers()) {
            out.append(h.name()).append(": ");
            out.append(h.value().isEmpty() ? "_undef_" : EslUrlCodec.encode(h.value())).append('\n');
        }
        if (event.hasBody()) {
            int n = event.body().getBytes(StandardCharsets.UTF_8).length;
            out.append("Content-Length: ").append(n).append("\n\n").append(event.body());
        } else {
            out.append('\n');
        }
        return out.toString();
    }

    /** cJSON_PrintUnformatted of the event: string values, no URL encoding, {@code _body} last. */
    public static String json(EslEvent event) {
        StringBuilder out = new StringBuilder(4096).append('{');
        boolean first = true;
        for (EslHeader h : event.headers()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendJsonString(out, h.name());
            out.append(':');
            appendJsonString(out, h.value());
        }
        if (event.hasBody()) {
            out.append(first ? "" : ",").append("\"Content-Length\":\"")
                    .append(event.body().getBytes(StandardCharsets.UTF_8).length).append("\",\"_body\":");
            appendJsonString(out, event.body());
        }
        return out.append('}').toString();
    }

    private static void appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
