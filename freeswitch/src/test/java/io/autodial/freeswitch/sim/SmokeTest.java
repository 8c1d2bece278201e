package io.autodial.freeswitch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void answeredSofiaCall() throws Exception {
        try (var sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withTimeScale(10));
             var c = EslTestClient.authed(sim.port())) {
            c.send("event plain ALL");
            c.send("bgapi originate {origination_uuid=11111111-2222-3333-4444-555555555555,sim_outcome=answer,sim_ring_ms=500,sim_hangup_by=none}sofia/internal/1000@127.0.0.1:5070 &park()");
            c.awaitEvent(e -> e.name().equals("CHANNEL_PARK"), Duration.ofSeconds(5));
            c.send("api uuid_kill 11111111-2222-3333-4444-555555555555");
            c.awaitEvent(e -> e.name().equals("CHANNEL_DESTROY"), Duration.ofSeconds(5));
            c.events().forEach(e -> System.out.println(e.name() + " " + e.header("Unique-ID").orElse("") + " " + e.headers().size()));
            assertThat(sim.liveChannels()).isZero();
        }
    }
}
