package io.autodial.freeswitch.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A FreeSWITCH that speaks mod_event_socket (inbound mode) and simulates outbound calls. */
public final class FreeSwitchSimulator implements AutoCloseable {
    private final SimulatorConfig config;
    private final SimScheduler scheduler;
    private final EventBus bus = new EventBus();
    private final AnswerToBridge answerToBridge = new AnswerToBridge();
    private final CallEngine engine;
    private final ApiCommands api;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final Channel server;
    private final long startedNanos = System.nanoTime();

    private FreeSwitchSimulator(SimulatorConfig config) {
        this.config = config;
        this.scheduler = new SimScheduler(config.timeScale());
        EventFactory events = new EventFactory(config.hostname());
        this.engine = new CallEngine(config, scheduler, bus, events, answerToBridge);
        this.api = new ApiCommands(config, events, engine);
        SimulatorContext ctx = new SimulatorContext(config, scheduler, bus, events, api, answerToBridge);
        try {
            this.server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new EslConnection(ctx));
                        }
                    })
                    .bind(config.bindHost(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
        scheduleHeartbeat();
    }

    public static FreeSwitchSimulator start(SimulatorConfig config) {
        return new FreeSwitchSimulator(config);
    }

    private void scheduleHeartbeat() {
        scheduler.afterSimulated(config.heartbeatInterval(), () -> {
            api.fireHeartbeat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
            scheduleHeartbeat();
        });
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String host() {
        return config.bindHost();
    }

    public int liveChannels() {
        return engine.liveChannels();
    }

    public long totalOriginates() {
        return engine.totalOriginates();
    }

    /**
     * Answer-to-bridge latency samples in milliseconds, in the order measured (since start or the last
     * {@link #resetAnswerToBridge()}): per answered channel, from the simulator publishing its CHANNEL_ANSWER to the
     * first {@code uuid_bridge} naming that channel as its first uuid being read off an ESL socket, both on the
     * simulator's {@code System.nanoTime()}. At most {@value AnswerToBridge#MAX_SAMPLES} samples are kept.
     */
    public double[] answerToBridgeMillis() {
        return answerToBridge.millis();
    }

    /** Samples measured since start or the last reset, including any beyond the kept maximum. */
    public long answerToBridgeCount() {
        return answerToBridge.count();
    }

    /** Forgets the samples (channels answered before the reset still produce one when bridged). */
    public void resetAnswerToBridge() {
        answerToBridge.reset();
    }

    /** Abruptly closes every ESL client socket; calls keep running. */
    public void dropClientConnections() {
        bus.connections().forEach(EslConnection::closeAbruptly);
    }

    /** Per channel, the events published and the uuid_* commands received, in order, with their times. */
    public ChannelTimeline timeline() {
        return engine.timeline;
    }

    /** From now on, the callee at {@code number} presses {@code digit} while a message plays to it. */
    public void pressDuringPlayback(String number, String digit) {
        engine.playbackPresses.put(number.replaceAll("[^0-9]", ""), digit);
    }

    /** The far end hangs up the channel (a BYE, or a final failure response while it rings). */
    public void hangup(String uuid, String cause) {
        scheduler.execute(() -> engine.farEndHangup(uuid, cause));
    }

    public Optional<SimChannelSnapshot> channel(String uuid) {
        try {
            return scheduler.call(() -> Optional.ofNullable(engine.channel(uuid)).map(c -> new SimChannelSnapshot(
                    c.uuid, c.name, c.state, c.callState, c.answered() && !c.hungUp(), Optional.ofNullable(c.bridgedTo),
                    new LinkedHashMap<>(c.variables)))).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("simulator did not answer", e);
        }
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        bus.connections().forEach(EslConnection::closeAbruptly);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        scheduler.close();
    }
}
