package io.autodial.freeswitch.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslCodecTest {
    @Test
    void urlEncodingFollowsFreeSwitch() {
        assertThat(EslUrlCodec.encode("2026-11-21 05:45:18")).isEqualTo("2026-11-21%2005%3A45%3A18");
        assertThat(EslUrlCodec.encode("+1 a@b:5060")).isEqualTo("%2B1%20a%40b%3A5060");
        assertThat(EslUrlCodec.encode("%(2000,4000,440,480)")).isEqualTo("%25(2000,4000,440,480)");
        assertThat(EslUrlCodec.encode("already%20encoded")).isEqualTo("already%20encoded");
        assertThat(EslUrlCodec.encode("!$'()*,-./_~")).isEqualTo("!$'()*,-./_~");
        assertThat(EslUrlCodec.encode("é\r\n")).isEqualTo("%C3%A9%0D%0A");
        assertThat(EslUrlCodec.encode("{a=b}|[x]")).isEqualTo("%7Ba%3Db%7D%7C%5Bx%5D");
    }

    @Test
    void decodeKeepsPlusAndRoundTrips() {
        assertThat(EslUrlCodec.decode("a+b%2Bc")).isEqualTo("a+b+c");
        for (String s : List.of("sofia/internal/1000@127.0.0.1:5070", "v=0\r\no=FreeSWITCH", "héllo wörld #1")) {
            assertThat(EslUrlCodec.decode(EslUrlCodec.encode(s))).isEqualTo(s);
        }
    }

    @Test
    void plainEventLayout() {
        EslEvent noBody = new EslEvent(List.of(new EslHeader("Event-Name", "HEARTBEAT"), new EslHeader("X", "")), null);
        assertThat(EslEventSerializer.plain(noBody)).isEqualTo("Event-Name: HEARTBEAT\nX: _undef_\n\n");
        EslEvent job = new EslEvent(List.of(new EslHeader("Event-Name", "BACKGROUND_JOB")), "+OK x\n");
        String payload = "Event-Name: BACKGROUND_JOB\nContent-Length: 6\n\n+OK x\n";
        assertThat(EslEventSerializer.plain(job)).isEqualTo(payload);
        assertThat(new String(EslPackets.plainEvent(job), StandardCharsets.UTF_8))
                .isEqualTo("Content-Length: " + payload.length() + "\nContent-Type: text/event-plain\n\n" + payload);
        assertThat(EslPackets.parsePlainEvent(payload.getBytes(StandardCharsets.UTF_8))).isEqualTo(job);
    }

    @Test
    void jsonEventLayout() {
        EslEvent job = new EslEvent(List.of(new EslHeader("Event-Name", "BACKGROUND_JOB"), new EslHeader("A", "x \"y\"")), "+OK\n");
        assertThat(EslEventSerializer.json(job))
                .isEqualTo("{\"Event-Name\":\"BACKGROUND_JOB\",\"A\":\"x \\\"y\\\"\",\"Content-Length\":\"4\",\"_body\":\"+OK\\n\"}");
    }

    @Test
    void packetLayouts() {
        assertThat(new String(EslPackets.apiResponse("false"), StandardCharsets.UTF_8))
                .isEqualTo("Content-Type: api/response\nContent-Length: 5\n\nfalse");
        assertThat(EslPackets.disconnectNotice(EslPackets.GOODBYE)).hasSize(
                "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n".length() + 67);
        assertThat(new String(EslPackets.bgapiReply("J"), StandardCharsets.UTF_8))
                .isEqualTo("Content-Type: command/reply\nReply-Text: +OK Job-UUID: J\nJob-UUID: J\n\n");
    }

    @Test
    void readsCommandsAndPacketsInAnyChunking() {
        byte[] cmds = "\r\n\nauth ClueCon\r\n\r\nbgapi status\nJob-UUID: j1\n\nsendevent X\nContent-Length: 3\n\nabc"
                .getBytes(StandardCharsets.UTF_8);
        EslFrameReader r = new EslFrameReader(EslFrameReader.Direction.CLIENT_COMMANDS);
        List<EslFrame> got = new java.util.ArrayList<>();
        for (byte b : cmds) {
            r.feed(new byte[] {b});
            r.next().ifPresent(got::add);
        }
        assertThat(got).extracting(EslFrame::command).containsExactly("auth ClueCon", "bgapi status", "sendevent X");
        assertThat(got.get(1).header("job-uuid")).contains("j1");
        assertThat(got.get(2).bodyText()).isEqualTo("abc");

        byte[] packets = "Content-Type: auth/request\n\nContent-Type: api/response\nContent-Length: 5\n\nfalse"
                .getBytes(StandardCharsets.UTF_8);
        List<EslFrame> frames = EslFrameReader.readAll(EslFrameReader.Direction.SERVER_PACKETS, packets);
        assertThat(frames).extracting(EslFrame::contentType).containsExactly("auth/request", "api/response");
        assertThat(frames.get(1).bodyText()).isEqualTo("false");
    }
}
