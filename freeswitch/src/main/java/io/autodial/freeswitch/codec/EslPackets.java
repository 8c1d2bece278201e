package io.autodial.freeswitch.codec;

import java.nio.charset.StandardCharsets;

/** The exact server packet layouts (spec §1.2): events put Content-Length first, api/response Content-Type first. */
public final class EslPackets {
    public static final String GOODBYE = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private EslPackets() {}

    public static byte[] authRequest() {
        return ascii("Content-Type: auth/request\n\n");
    }

    public static byte[] commandReply(String replyText) {
        return ascii("Content-Type: command/reply\nReply-Text: " + replyText + "\n\n");
    }

    public static byte[] bgapiReply(String jobUuid) {
        return ascii("Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + jobUuid + "\nJob-UUID: " + jobUuid + "\n\n");
    }

    public static byte[] apiResponse(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(ascii("Content-Type: api/response\nContent-Length: " + b.length + "\n\n"), b);
    }

    public static byte[] disconnectNotice(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        return concat(ascii("Content-Type: text/disconnect-notice\nContent-Length: " + b.length + "\n\n"), b);
    }

    public static byte[] plainEvent(EslEvent event) {
        return eventPacket("text/event-plain", EslEventSerializer.plain(event));
    }

    public static byte[] jsonEvent(EslEvent event) {
        return eventPacket("text/event-json", EslEventSerializer.json(event));
    }

    private static byte[] eventPacket(String contentType, String payload) {
        byte[] b = payload.getBytes(StandardCharsets.UTF_8);
        return concat(ascii("Content-Length: " + b.length + "\nContent-Type: " + contentType + "\n\n"), b);
    }

    /** A client command: the command line, optional headers, blank line. */
    public static byte[] command(String line, EslHeader... headers) {
        StringBuilder sb = new StringBuilder(line).append('\n');
        for (EslHeader h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append('\n');
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a text/event-plain payload back into an event (values URL-decoded, nested body kept). */
    public static EslEvent parsePlainEvent(byte[] payload) {
        EslFrameReader reader = new EslFrameReader(EslFrameReader.Direction.SERVER_PACKETS);
        reader.feed(payload);
        EslFrame frame = reader.next().orElseThrow(() -> new IllegalArgumentException("incomplete event"));
        var headers = frame.headers().stream()
                .filter(h -> frame.body().length == 0 || !h.name().equals("Content-Length")
                        || h != frame.headers().get(frame.headers().size() - 1))
                .map(h -> new EslHeader(h.name(), h.value().equals("_undef_") ? "" : EslUrlCodec.decode(h.value())))
                .toList();
        return new EslEvent(headers, frame.body().length == 0 ? null : frame.bodyText());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
