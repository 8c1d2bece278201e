package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslFrame;
import io.autodial.freeswitch.codec.EslFrameReader;
import io.autodial.freeswitch.codec.EslPackets;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.UUID;

/**
 * One inbound ESL client. Bytes are parsed on the Netty thread; every command runs on the engine thread, one at
 * a time, so each gets exactly one reply in order. While a synchronous {@code api} runs, events wait behind it.
 */
final class EslConnection extends ChannelInboundHandlerAdapter {
    /** Real FS answers a bgapi's job after its thread ran; the thingscloud client drops a job that beats its reply. */
    static final long MIN_JOB_DELAY_NANOS = 5_000_000L;

    private final SimulatorContext ctx;
    private final EslFrameReader reader = new EslFrameReader(EslFrameReader.Direction.CLIENT_COMMANDS);
    private final Subscription subscription = new Subscription();
    private final Deque<EslFrame> commands = new ArrayDeque<>();
    private final Deque<PublishedEvent> heldEvents = new ArrayDeque<>();
    private Channel channel;
    private boolean authenticated;
    private boolean apiRunning;
    private boolean closing;

    EslConnection(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        channel = c.channel();
        write(EslPackets.authRequest());
        ctx.bus().add(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        ctx.bus().remove(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            long readNanos = System.nanoTime();
            reader.feed(bytes);
            for (var f = reader.next(); f.isPresent(); f = reader.next()) {
                EslFrame frame = f.get();
                String bridged = AnswerToBridge.bridgedUuid(frame.command());
                if (bridged != null) {
                    ctx.scheduler().execute(() -> ctx.answerToBridge().bridgeArrived(bridged, readNanos));
                }
                ctx.scheduler().execute(() -> enqueue(frame));
            }
        } catch (RuntimeException e) {
            c.close(); // FreeSWITCH drops a connection that breaks the framing
        } finally {
            buf.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        c.close();
    }

    void closeAbruptly() {
        if (channel != null) {
            channel.close();
        }
    }

    private void enqueue(EslFrame frame) {
        commands.add(frame);
        drain();
    }

    private void drain() {
        while (!apiRunning && !closing && !commands.isEmpty()) {
            run(commands.poll());
        }
    }

    private void run(EslFrame frame) {
        String line = frame.command().trim();
        String verb = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String args = line.length() > verb.length() ? line.substring(verb.length()).trim() : "";
        if (verb.equals("exit") || verb.startsWith("...")) {
            goodbye("+OK bye");
            return;
        }
        if (!authenticated) {
            if (verb.equals("auth")) {
                if (args.equals(ctx.config().password())) {
                    authenticated = true;
                    write(EslPackets.commandReply("+OK accepted"));
                } else {
                    goodbye("-ERR invalid");
                }
            } else {
                write(EslPackets.commandReply("-ERR command not found"));
            }
            return;
        }
        switch (verb) {
            case "event", "events" -> write(EslPackets.commandReply(subscription.subscribe(args)));
            case "nixevent" -> write(EslPackets.commandReply(subscription.nix(args)));
            case "noevents" -> write(EslPackets.commandReply(subscription.noEvents()));
            case "filter" -> write(EslPackets.commandReply(subscription.filter(args)));
            case "api" -> api(args);
            case "bgapi" -> bgapi(args, frame.header("Job-UUID").orElse(UUID.randomUUID().toString()));
            default -> write(EslPackets.commandReply("-ERR command not found"));
        }
    }

    private void api(String commandLine) {
        apiRunning = true;
        ApiResult result = ctx.api().execute(commandLine);
        result.output().whenComplete((out, err) -> ctx.scheduler().execute(() -> {
            ctx.api().fireApiEvent(commandLine);
            write(EslPackets.apiResponse(err != null ? "-ERR " + err.getMessage() + "\n" : out));
            apiRunning = false;
            while (!heldEvents.isEmpty()) {
                writeEvent(heldEvents.poll());
            }
            drain();
        }));
    }

    private void bgapi(String commandLine, String jobUuid) {
        write(EslPackets.bgapiReply(jobUuid));
        long repliedAt = System.nanoTime();
        ApiResult result = ctx.api().execute(commandLine);
        result.output().whenComplete((out, err) -> {
            Runnable fire = () -> {
                ctx.api().fireApiEvent(commandLine);
                ctx.api().fireBackgroundJob(jobUuid, commandLine, err != null ? "-ERR " + err.getMessage() + "\n" : out);
            };
            long wait = MIN_JOB_DELAY_NANOS - (System.nanoTime() - repliedAt);
            if (wait > 0) {
                ctx.scheduler().afterReal(wait, fire);
            } else if (ctx.scheduler().inEngine()) {
                fire.run(); // keeps the job where the capture has it, before the events that follow in this step
            } else {
                ctx.scheduler().execute(fire);
            }
        });
    }

    private void goodbye(String replyText) {
        closing = true;
        write(EslPackets.commandReply(replyText));
        channel.writeAndFlush(Unpooled.wrappedBuffer(EslPackets.disconnectNotice(EslPackets.GOODBYE)))
                .addListener(ChannelFutureListener.CLOSE);
        ctx.bus().remove(this);
    }

    /** Called on the engine thread for every fired event. */
    void deliver(PublishedEvent event) {
        if (!authenticated || closing || !subscription.accepts(event.event, event.name, event.subclass)) {
            return;
        }
        if (apiRunning) {
            heldEvents.add(event);
        } else {
            writeEvent(event);
        }
    }

    private void writeEvent(PublishedEvent event) {
        write(event.bytes(subscription.format()));
    }

    private void write(byte[] bytes) {
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        }
    }
}
