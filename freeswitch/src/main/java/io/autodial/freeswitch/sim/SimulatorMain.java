package io.autodial.freeswitch.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code --port 8021 --password ClueCon --time-scale 1 --sps 30 --max-sessions 4000
 * --answer-share 0.3 --busy-share 0.15 --noanswer-share 0.3 --reject-share 0.05 --unreachable-share 0.05
 * --machine-share 0.15 --seed 42 --bind 127.0.0.1}. Stops on SIGTERM.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults();
        CallModel m = config.callModel();
        double answer = m.answerShare(), busy = m.busyShare(), noAnswer = m.noAnswerShare(), reject = m.rejectShare(),
                unreachable = m.unreachableShare(), machine = m.machineShare();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--port" -> config = config.withPort(Integer.parseInt(v));
                case "--bind" -> config = config.withBindHost(v);
                case "--password" -> config = config.withPassword(v);
                case "--time-scale" -> config = config.withTimeScale(Double.parseDouble(v));
                case "--sps" -> config = config.withSessionsPerSecond(Integer.parseInt(v));
                case "--max-sessions" -> config = config.withMaxSessions(Integer.parseInt(v));
                case "--seed" -> config = config.withSeed(Long.parseLong(v));
                case "--hostname" -> config = config.withHostname(v);
                case "--heartbeat-seconds" -> config = config.withHeartbeatInterval(Duration.ofSeconds(Long.parseLong(v)));
                case "--answer-share" -> answer = Double.parseDouble(v);
                case "--busy-share" -> busy = Double.parseDouble(v);
                case "--noanswer-share" -> noAnswer = Double.parseDouble(v);
                case "--reject-share" -> reject = Double.parseDouble(v);
                case "--unreachable-share" -> unreachable = Double.parseDouble(v);
                case "--machine-share" -> machine = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        config = config.withCallModel(new CallModel(answer, busy, noAnswer, reject, unreachable, machine, m.ringMin(),
                m.ringMax(), m.talkMean(), m.talkCv(), m.customerHangsUpShare(), m.amdDelay()));
        FreeSwitchSimulator sim = FreeSwitchSimulator.start(config);
        System.out.println("FreeSWITCH simulator listening on " + sim.host() + ":" + sim.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "fs-sim-shutdown"));
        stopped.await();
    }
}
