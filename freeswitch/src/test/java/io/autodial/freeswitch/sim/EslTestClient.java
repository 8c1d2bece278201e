package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslFrame;
import io.autodial.freeswitch.codec.EslFrameReader;
import io.autodial.freeswitch.codec.EslPackets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A raw-socket ESL client for tests: records every byte and frame the simulator sends. */
final class EslTestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EslFrameReader reader = new EslFrameReader(EslFrameReader.Direction.SERVER_PACKETS);
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<EslFrame> frames = new ArrayList<>();
    private boolean closedByServer;

    EslTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(50);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static EslTestClient authed(int port) throws IOException {
        EslTestClient c = new EslTestClient(port);
        c.send("auth ClueCon");
        c.awaitFrames(2, Duration.ofSeconds(5));
        return c;
    }

    void send(String command) throws IOException {
        out.write(EslPackets.command(command));
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    List<EslFrame> frames() {
        return frames;
    }

    byte[] receivedBytes() {
        return received.toByteArray();
    }

    boolean closedByServer() {
        return closedByServer;
    }

    /** Reads until {@code n} frames have arrived in total; false on timeout. */
    boolean awaitFrames(int n, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (frames.size() < n && System.nanoTime() < deadline && !closedByServer) {
            pump();
        }
        return frames.size() >= n;
    }

    /** Reads until an event matching the predicate arrived; returns it or throws. */
    EslEvent awaitEvent(Predicate<EslEvent> p, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (System.nanoTime() < deadline) {
            for (; checked < frames.size(); checked++) {
                EslFrame f = frames.get(checked);
                if (f.contentType().equals("text/event-plain")) {
                    EslEvent e = EslPackets.parsePlainEvent(f.body());
                    if (p.test(e)) {
                        return e;
                    }
                }
            }
            if (closedByServer) {
                break;
            }
            pump();
        }
        throw new AssertionError("no matching event within " + timeout + "; got " + events().stream().map(EslEvent::name).toList());
    }

    EslFrame awaitReply(int index, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<EslFrame> replies = frames.stream().filter(f -> f.contentType().equals("command/reply")
                    || f.contentType().equals("api/response")).toList();
            if (replies.size() > index) {
                return replies.get(index);
            }
            pump();
        }
        throw new AssertionError("no reply #" + index);
    }

    List<EslEvent> events() {
        return frames.stream().filter(f -> f.contentType().equals("text/event-plain"))
                .map(f -> EslPackets.parsePlainEvent(f.body())).toList();
    }

    void pump() throws IOException {
        byte[] buf = new byte[65536];
        try {
            int n = in.read(buf);
            if (n < 0) {
                closedByServer = true;
                return;
            }
            received.write(buf, 0, n);
            reader.feed(buf, 0, n);
            for (var f = reader.next(); f.isPresent(); f = reader.next()) {
                frames.add(f.get());
            }
        } catch (SocketTimeoutException e) {
            // nothing yet
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
