package io.autodial.freeswitch.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autodial.freeswitch.codec.EslEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One carrier call per forced outcome over real TCP, at time scale 10. */
class CallOutcomeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private FreeSwitchSimulator sim;
    private EslTestClient client;

    @BeforeEach
    void start() throws Exception {
        sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withTimeScale(10));
        client = EslTestClient.authed(sim.port());
        client.send("event plain ALL");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        sim.close();
    }

    private String originate(String vars) throws Exception {
        String uuid = UUID.randomUUID().toString();
        client.send("bgapi originate {origination_uuid=" + uuid + ",sim_ring_ms=1000," + vars
                + "}sofia/gateway/carrier1/15551234567 &park()");
        return uuid;
    }

    private EslEvent job() throws Exception {
        return client.awaitEvent(e -> e.name().equals("BACKGROUND_JOB"), WAIT);
    }

    private EslEvent complete(String uuid) throws Exception {
        return client.awaitEvent(e -> e.name().equals("CHANNEL_HANGUP_COMPLETE") && uuid.equals(e.header("Unique-ID").orElse("")), WAIT);
    }

    private List<String> namesFor(String uuid) {
        return client.events().stream().filter(e -> uuid.equals(e.header("Unique-ID").orElse(""))).map(EslEvent::name)
                .filter(n -> !n.equals("CHANNEL_STATE") && !n.equals("CHANNEL_CALLSTATE") && !n.equals("CODEC")).toList();
    }

    @Test
    void answeredThenCalleeHangsUp() throws Exception {
        String uuid = originate("sim_outcome=answer,sim_hangup_by=customer,sim_talk_ms=2000");
        assertThat(job().body()).isEqualTo("+OK " + uuid + "\n");
        EslEvent done = complete(uuid);
        client.awaitEvent(e -> e.name().equals("CHANNEL_DESTROY") && e.header("Unique-ID").equals(java.util.Optional.of(uuid)), WAIT);
        assertThat(done.header("variable_sip_hangup_disposition")).contains("recv_bye");
        assertThat(done.headers().stream().filter(h -> h.name().equals("Hangup-Cause")).count()).isEqualTo(2);
        assertThat(namesFor(uuid)).containsSubsequence("CHANNEL_OUTGOING", "CHANNEL_CREATE", "CHANNEL_ORIGINATE",
                "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_PARK", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE",
                "CHANNEL_DESTROY");
        assertThat(done.header("Channel-Name")).contains("sofia/gateway/carrier1/15551234567");
    }

    @Test
    void answeredThenKilled() throws Exception {
        String uuid = originate("sim_outcome=answer,sim_hangup_by=none");
        job();
        client.awaitEvent(e -> e.name().equals("CHANNEL_PARK"), WAIT);
        assertThat(sim.channel(uuid)).get().extracting(SimChannelSnapshot::answered).isEqualTo(true);
        client.send("api uuid_kill " + uuid);
        EslEvent done = complete(uuid);
        assertThat(done.header("Hangup-Cause")).contains("NORMAL_CLEARING");
        assertThat(done.header("variable_sip_hangup_disposition")).contains("send_bye");
        client.awaitEvent(e -> e.name().equals("CHANNEL_DESTROY"), WAIT);
        assertThat(sim.liveChannels()).isZero();
    }

    @Test
    void busy() throws Exception {
        String uuid = originate("sim_outcome=busy");
        assertThat(job().body()).isEqualTo("-ERR USER_BUSY\n");
        EslEvent done = complete(uuid);
        assertThat(done.header("variable_sip_term_status")).contains("486");
        assertThat(done.header("variable_hangup_cause_q850")).contains("17");
    }

    @Test
    void noAnswerEndsAtOriginateTimeout() throws Exception {
        long t0 = System.nanoTime();
        String uuid = originate("sim_outcome=noanswer,originate_timeout=15");
        assertThat(job().body()).isEqualTo("-ERR NO_ANSWER\n");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3000));
        assertThat(complete(uuid).header("Hangup-Cause")).contains("NO_ANSWER");
    }

    @Test
    void reject() throws Exception {
        String uuid = originate("sim_outcome=reject");
        assertThat(job().body()).isEqualTo("-ERR CALL_REJECTED\n");
        assertThat(complete(uuid).header("variable_sip_term_status")).contains("603");
    }

    @Test
    void unreachable() throws Exception {
        String uuid = originate("sim_outcome=unreachable");
        assertThat(job().body()).isEqualTo("-ERR NORMAL_TEMPORARY_FAILURE\n");
        assertThat(complete(uuid).header("Hangup-Cause")).contains("NORMAL_TEMPORARY_FAILURE");
    }

    @Test
    void machineGetsAmdResultAndBeep() throws Exception {
        client.send("event plain CUSTOM amd::result avmd::beep");
        String uuid = originate("sim_outcome=machine,sim_hangup_by=none");
        assertThat(job().body()).startsWith("+OK");
        EslEvent amd = client.awaitEvent(e -> "amd::result".equals(e.header("Event-Subclass").orElse(null)), WAIT);
        assertThat(amd.header("AMD-Result")).contains("MACHINE");
        assertThat(amd.header("Unique-ID")).contains(uuid);
        client.awaitEvent(e -> "avmd::beep".equals(e.header("Event-Subclass").orElse(null)), WAIT);
    }

    @Test
    void agentLegBridgesAndParksAfterCustomerHangsUp() throws Exception {
        String customer = originate("sim_outcome=answer,sim_hangup_by=none");
        job();
        String agent = UUID.randomUUID().toString();
        client.send("bgapi originate {origination_uuid=" + agent + ",park_after_bridge=true}user/1001 &park()");
        client.awaitEvent(e -> e.name().equals("CHANNEL_PARK") && agent.equals(e.header("Unique-ID").orElse("")), WAIT);
        client.send("api uuid_bridge " + customer + " " + agent);
        EslEvent bridge = client.awaitEvent(e -> e.name().equals("CHANNEL_BRIDGE"), WAIT);
        assertThat(bridge.header("Bridge-B-Unique-ID")).contains(agent);
        client.send("api uuid_send_dtmf " + customer + " 12");
        assertThat(client.awaitEvent(e -> e.name().equals("DTMF"), WAIT).header("Unique-ID")).contains(agent);
        sim.hangup(customer, "NORMAL_CLEARING");
        client.awaitEvent(e -> e.name().equals("CHANNEL_UNBRIDGE"), WAIT);
        client.awaitEvent(e -> e.name().equals("CHANNEL_PARK") && agent.equals(e.header("Unique-ID").orElse(""))
                && client.events().stream().anyMatch(x -> x.name().equals("CHANNEL_UNBRIDGE")), WAIT);
        assertThat(sim.channel(agent)).isPresent();
        assertThat(sim.channel(customer)).isEmpty();
    }

    @Test
    void sessionsPerSecondThrottle() throws Exception {
        try (var fast = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withTimeScale(10)
                .withSessionsPerSecond(5)); var c = EslTestClient.authed(fast.port())) {
            c.send("event plain BACKGROUND_JOB");
            for (int i = 0; i < 8; i++) {
                c.send("bgapi originate {sim_outcome=unreachable}sofia/gateway/gw/1555000000" + i + " &park()");
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (c.events().size() < 8 && System.nanoTime() < deadline) {
                c.pump();
            }
            List<String> bodies = c.events().stream().map(EslEvent::body).toList();
            assertThat(bodies).hasSize(8);
            assertThat(bodies.stream().filter(b -> b.equals("-ERR DESTINATION_OUT_OF_ORDER\n")).count()).isEqualTo(3);
        }
    }

    @Test
    void callModelSharesMustSumToOne() {
        assertThatThrownBy(() -> new CallModel(0.5, 0.5, 0.5, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
    }
}
