package io.autodial.freeswitch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer-to-bridge hook over real TCP: an answered customer leg bridged to an agent leg gives one sample. */
class AnswerToBridgeTest {
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

    private void awaitAnswer(String uuid) throws Exception {
        client.awaitEvent(e -> e.name().equals("CHANNEL_ANSWER") && uuid.equals(e.header("Unique-ID").orElse("")), WAIT);
    }

    @Test
    void oneSamplePerAnsweredChannelFromAnswerToTheBridgeNamingItFirst() throws Exception {
        String agent = UUID.randomUUID().toString();
        client.send("bgapi originate {origination_uuid=" + agent + "}user/1000 &park()");
        awaitAnswer(agent);
        String customer = UUID.randomUUID().toString();
        client.send("bgapi originate {origination_uuid=" + customer
                + ",sim_outcome=answer,sim_ring_ms=500,sim_hangup_by=none}sofia/gateway/carrier1/15551234567 &park()");
        awaitAnswer(customer);
        long answerSeenAt = System.nanoTime();
        Thread.sleep(150);
        assertThat(sim.answerToBridgeMillis()).isEmpty(); // answered, not bridged yet
        client.send("bgapi uuid_bridge " + customer + " " + agent);
        long bridgeSentAt = System.nanoTime();
        client.awaitEvent(e -> e.name().equals("CHANNEL_BRIDGE"), WAIT);

        double[] samples = sim.answerToBridgeMillis();
        assertThat(samples).hasSize(1);
        assertThat(sim.answerToBridgeCount()).isEqualTo(1);
        // the 150 ms pause is inside the span; the span is no longer than from before the answer to after the bridge
        assertThat(samples[0]).isGreaterThanOrEqualTo(150.0)
                .isLessThan((bridgeSentAt - answerSeenAt) / 1e6 + 1_000);

        // only the first bridge counts; the agent leg (second uuid) gives none; a reset forgets
        client.send("api uuid_bridge " + customer + " " + agent);
        client.awaitReply(5, WAIT);
        assertThat(sim.answerToBridgeMillis()).hasSize(1);
        sim.resetAnswerToBridge();
        assertThat(sim.answerToBridgeMillis()).isEmpty();
        assertThat(sim.answerToBridgeCount()).isZero();
    }

    @Test
    void parsesTheFirstUuidOfApiAndBgapiBridges() {
        assertThat(AnswerToBridge.bridgedUuid("bgapi uuid_bridge a-1 b-2")).isEqualTo("a-1");
        assertThat(AnswerToBridge.bridgedUuid("api uuid_bridge  a-1 b-2")).isEqualTo("a-1");
        assertThat(AnswerToBridge.bridgedUuid("api uuid_kill a-1")).isNull();
        assertThat(AnswerToBridge.bridgedUuid(null)).isNull();
    }
}
