package io.autodial.freeswitch.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incremental reader of both directions of the protocol: server packets (headers, blank line, Content-Length body)
 * and client commands (command line, optional headers, blank line, optional body). Bytes are fed in any chunking.
 */
public final class EslFrameReader {
    /** FreeSWITCH's MAX_CONTENT_LENGTH; a larger length is a protocol violation. */
    public static final int MAX_CONTENT_LENGTH = 16 * 1024 * 1024;

    public enum Direction { SERVER_PACKETS, CLIENT_COMMANDS }

    private final Direction direction;
    private byte[] buf = new byte[4096];
    private int len;

    public EslFrameReader(Direction direction) {
        this.direction = direction;
    }

    public void feed(byte[] data, int off, int n) {
        if (len + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
        System.arraycopy(data, off, buf, len, n);
        len += n;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Every complete frame in the given bytes; a trailing partial frame is an error. */
    public static List<EslFrame> readAll(Direction direction, byte[] data) {
        EslFrameReader reader = new EslFrameReader(direction);
        reader.feed(data);
        List<EslFrame> frames = new ArrayList<>();
        for (Optional<EslFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
            frames.add(f.get());
        }
        if (reader.buffered() > 0 && !reader.onlyBlankLinesBuffered()) {
            throw new IllegalArgumentException("trailing partial frame of " + reader.buffered() + " bytes");
        }
        return frames;
    }

    public int buffered() {
        return len;
    }

    private boolean onlyBlankLinesBuffered() {
        for (int i = 0; i < len; i++) {
            if (buf[i] != '\n' && buf[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The next complete frame, or empty when more bytes are needed. */
    public Optional<EslFrame> next() {
        int start = 0;
        if (direction == Direction.CLIENT_COMMANDS) {
            while (start < len && (buf[start] == '\n' || buf[start] == '\r')) {
                start++; // read_packet discards blank lines before a command
            }
        }
        int headerEnd = findBlankLine(start);
        if (headerEnd < 0) {
            compact(start);
            return Optional.empty();
        }
        List<String> lines = splitLines(start, headerEnd);
        String command = null;
        List<EslHeader> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (direction == Direction.CLIENT_COMMANDS && i == 0) {
                command = line;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                headers.add(new EslHeader(line.trim(), ""));
            } else {
                headers.add(new EslHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        int bodyStart = headerEnd + blankLineLength(headerEnd);
        int contentLength = 0;
        for (EslHeader h : headers) {
            if (h.name().equalsIgnoreCase("Content-Length")) {
                contentLength = Integer.parseInt(h.value());
                if (contentLength < 0 || contentLength > MAX_CONTENT_LENGTH) {
                    throw new IllegalArgumentException("Content-Length out of range: " + contentLength);
                }
                break;
            }
        }
        if (len - bodyStart < contentLength) {
            compact(start);
            return Optional.empty();
        }
        byte[] body = new byte[contentLength];
        System.arraycopy(buf, bodyStart, body, 0, contentLength);
        compact(bodyStart + contentLength);
        return Optional.of(new EslFrame(command, headers, body));
    }

    /** Index of the line feed that ends the header block (the first of two consecutive line ends). */
    private int findBlankLine(int from) {
        for (int i = from; i < len; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            int j = i + 1;
            if (j < len && buf[j] == '\r') {
                j++;
            }
            if (j < len && buf[j] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int blankLineLength(int lf) {
        return (lf + 1 < len && buf[lf + 1] == '\r') ? 3 : 2;
    }

    private List<String> splitLines(int from, int to) {
        List<String> lines = new ArrayList<>();
        int lineStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == '\n') {
                int end = i;
                while (end > lineStart && buf[end - 1] == '\r') {
                    end--;
                }
                String line = new String(buf, lineStart, end - lineStart, java.nio.charset.StandardCharsets.UTF_8);
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                lineStart = i + 1;
            }
        }
        return lines;
    }

    private void compact(int consumed) {
        if (consumed > 0) {
            System.arraycopy(buf, consumed, buf, 0, len - consumed);
            len -= consumed;
        }
    }
}
