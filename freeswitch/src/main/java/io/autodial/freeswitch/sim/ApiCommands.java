package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** mod_commands as far as a dialer uses it; replies are byte-identical to FreeSWITCH 1.10.12's. Engine thread only. */
final class ApiCommands {
    static final String CHANNELS_HEADER = "uuid,direction,created,created_epoch,name,state,cid_name,cid_num,ip_addr,"
            + "dest,application,application_data,dialplan,context,read_codec,read_rate,read_bit_rate,write_codec,"
            + "write_rate,write_bit_rate,secure,hostname,presence_id,presence_data,accountcode,callstate,callee_name,"
            + "callee_num,callee_direction,call_uuid,sent_callee_name,sent_callee_num,initial_cid_name,"
            + "initial_cid_num,initial_ip_addr,initial_dest,initial_dialplan,initial_context";
    private static final String[] API_CALLING = {"switch_loadable_module.c", "switch_api_execute", "2954"};
    private static final String[] JOB_CALLING = {"mod_event_socket.c", "api_exec", "1572"};

    private final SimulatorConfig config;
    private final EventFactory events;
    private final CallEngine engine;
    private final Instant started = Instant.now();

    ApiCommands(SimulatorConfig config, EventFactory events, CallEngine engine) {
        this.config = config;
        this.events = events;
        this.engine = engine;
    }

    ApiResult execute(String commandLine) {
        String line = commandLine.trim();
        int sp = line.indexOf(' ');
        String cmd = sp < 0 ? line : line.substring(0, sp);
        String args = sp < 0 ? "" : line.substring(sp + 1).trim();
        String[] a = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (cmd.startsWith("uuid_") && a.length > 0) engine.timeline.record(a[0], "api " + line);
        return switch (cmd.toLowerCase(Locale.ROOT)) {
            case "originate" -> engine.originate(args);
            case "status" -> ApiResult.now(status());
            case "version" -> ApiResult.now("FreeSWITCH Version 1.10.12-release~64bit ( 64bit)\n");
            case "hostname" -> ApiResult.now(config.hostname());
            case "global_getvar" -> ApiResult.now(args.equals("local_ip_v4") ? "127.0.0.1" : "");
            case "fsctl" -> ApiResult.now(a.length > 0 && a[0].equals("sps")
                    ? "+OK sessions per second: " + config.sessionsPerSecond() + "\n" : "-ERR Invalid command\n");
            case "sofia" -> ApiResult.now(sofiaStatus());
            case "show" -> ApiResult.now(show(a));
            case "uuid_exists" -> ApiResult.now(a.length > 0 && engine.channel(a[0]) != null ? "true" : "false");
            case "uuid_kill" -> ApiResult.now(a.length < 1 ? "-USAGE: <uuid> [cause]\n"
                    : engine.kill(a[0], a.length > 1 ? a[1] : "NORMAL_CLEARING"));
            case "uuid_bridge" -> ApiResult.now(a.length < 2 ? "-USAGE: <uuid> <other_uuid>\n" : engine.bridge(a[0], a[1]));
            case "uuid_hold" -> ApiResult.now(hold(a));
            case "uuid_send_dtmf" -> ApiResult.now(a.length < 2 ? "-USAGE: <uuid> <dtmf_data>\n" : engine.sendDtmf(a[0], a[1]));
            case "uuid_record" -> ApiResult.now(a.length < 3
                    ? "-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n"
                    : engine.record(a[0], a[1].toLowerCase(Locale.ROOT), a[2]));
            case "uuid_broadcast" -> ApiResult.now(a.length < 2 ? "-USAGE: <uuid> <path> [aleg|bleg|both]\n"
                    : engine.broadcast(a[0], a[1], a.length > 2 ? a[2].toLowerCase(Locale.ROOT) : "aleg"));
            case "uuid_getvar" -> ApiResult.now(getvar(a));
            case "uuid_setvar" -> ApiResult.now(setvar(a));
            default -> ApiResult.now("-ERR " + cmd + " Command not found!\n");
        };
    }

    private String hold(String[] a) {
        if (a.length == 0) {
            return "-USAGE: [off|toggle] <uuid> [<display>]\n";
        }
        if ((a[0].equals("off") || a[0].equals("toggle")) && a.length > 1) {
            return engine.hold(a[1], a[0]);
        }
        return engine.hold(a[0], "on");
    }

    private String getvar(String[] a) {
        if (a.length < 2) {
            return "-USAGE: <uuid> <var>\n";
        }
        SimChannel ch = engine.channel(a[0]);
        if (ch == null) {
            return "-ERR No such channel!\n";
        }
        String v = ch.var(a[1]);
        return v == null ? "_undef_" : v;
    }

    private String setvar(String[] a) {
        if (a.length < 2) {
            return "-USAGE: <uuid> <var> [value]\n";
        }
        SimChannel ch = engine.channel(a[0]);
        if (ch == null) {
            return "-ERR No such channel!\n";
        }
        if (a.length > 2) {
            ch.setVariables.put(a[1], a[2]);
            ch.variables.put(a[1], a[2]);
        } else {
            ch.setVariables.remove(a[1]);
            ch.variables.remove(a[1]);
        }
        return "+OK\n";
    }

    private String status() {
        Duration up = Duration.between(started, Instant.now());
        long days = up.toDays();
        int live = engine.liveChannels();
        return "UP 0 years, " + days + " day" + plural(days) + ", " + up.toHoursPart() + " hour" + plural(up.toHoursPart())
                + ", " + up.toMinutesPart() + " minute" + plural(up.toMinutesPart()) + ", " + up.toSecondsPart()
                + " second" + plural(up.toSecondsPart()) + ", " + up.toMillisPart() + " millisecond"
                + plural(up.toMillisPart()) + ", " + (up.toNanosPart() / 1000 % 1000) + " microsecond"
                + plural(up.toNanosPart() / 1000 % 1000) + "\n"
                + "FreeSWITCH (Version 1.10.12-release  64bit) is ready\n"
                + engine.sessionsSinceStartup() + " session(s) since startup\n"
                + live + " session(s) - peak " + live + ", last 5min " + live + " \n"
                + engine.sessionsPerSecondNow() + " session(s) per Sec out of max " + config.sessionsPerSecond()
                + ", peak " + config.sessionsPerSecond() + ", last 5min " + config.sessionsPerSecond() + " \n"
                + config.maxSessions() + " session(s) max\n"
                + "min idle cpu 0.00/99.00\n"
                + "Current Stack Size/Max 240K/240K\n";
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String sofiaStatus() {
        String rule = "=".repeat(97) + "\n";
        return String.format("%25s\t%7s\t%42s\t%s\n", "Name", "Type", "Data", "State") + rule
                + String.format("%25s\t%7s\t%42s\t%s\n", "internal", "profile", "sip:mod_sofia@127.0.0.1:5060", "RUNNING (0)")
                + rule + "1 profile 0 aliases\n";
    }

    private String show(String[] a) {
        if (a.length == 0) {
            return "-USAGE: codec|endpoint|application|api|dialplan|file|timer|calls [count]|channels [count|like <match string>]|calls|detailed_calls|bridged_calls|detailed_bridged_calls|aliases|complete|chat|management|modules|nat_map|say|interfaces|interface_types|tasks|limits|status\n";
        }
        boolean count = a.length > 1 && a[1].equals("count");
        List<SimChannel> chans = a[0].startsWith("call") ? List.of() : engine.channels();
        if (a[0].startsWith("call")) {
            chans = engine.channels().stream().filter(c -> c.bridgeOriginator && c.bridgedTo != null).toList();
        }
        if (count || chans.isEmpty()) {
            return "\n" + chans.size() + " total.\n";
        }
        StringBuilder out = new StringBuilder(CHANNELS_HEADER).append('\n');
        for (SimChannel c : chans) {
            List<String> f = new ArrayList<>();
            long createdSec = c.createdMicros / 1_000_000L;
            String created = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(java.time.LocalDateTime.ofEpochSecond(createdSec, 0, java.time.ZoneOffset.UTC));
            String app = c.var("current_application");
            f.addAll(List.of(c.uuid, "outbound", created, Long.toString(createdSec), nz(c.name), c.state,
                    "Outbound Call", nz(c.var("origination_caller_id_number")), "127.0.0.1", nz(c.call.dest),
                    nz(app), "", "XML", "default", "PCMU", "8000", "64000", "PCMU", "8000", "64000", "",
                    config.hostname(), "", "", "", c.callState, "", "", "", nz(c.call.primaryUuid), "", "",
                    "Outbound Call", nz(c.var("origination_caller_id_number")), "127.0.0.1", nz(c.call.dest), "XML",
                    "default"));
            out.append(String.join(",", f)).append('\n');
        }
        return out.append('\n').append(chans.size()).append(" total.\n").toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    void fireApiEvent(String commandLine) {
        String line = commandLine.trim();
        int sp = line.indexOf(' ');
        List<EslHeader> h = new ArrayList<>();
        h.add(new EslHeader("API-Command", sp < 0 ? line : line.substring(0, sp)));
        if (sp > 0) {
            h.add(new EslHeader("API-Command-Argument", line.substring(sp + 1).trim()));
        }
        engine.publish(events.create("API", API_CALLING, h, null));
    }

    void fireBackgroundJob(String jobUuid, String commandLine, String output) {
        String line = commandLine.trim();
        if (line.contains("sim_lose_job=true")) {
            return; // as a loaded FreeSWITCH sometimes does (capture 14): the job never reports
        }
        int sp = line.indexOf(' ');
        List<EslHeader> h = new ArrayList<>();
        h.add(new EslHeader("Job-UUID", jobUuid));
        h.add(new EslHeader("Job-Command", sp < 0 ? line : line.substring(0, sp)));
        if (sp > 0) {
            h.add(new EslHeader("Job-Command-Arg", line.substring(sp + 1).trim()));
        }
        engine.publish(events.create("BACKGROUND_JOB", JOB_CALLING, h, output.isEmpty() ? "-ERR no reply\n" : output));
    }

    void fireHeartbeat(long uptimeMillis) {
        Duration up = Duration.ofMillis(uptimeMillis);
        List<EslHeader> h = List.of(new EslHeader("Event-Info", "System Ready"),
                new EslHeader("Up-Time", "0 years, " + up.toDays() + " days, " + up.toHoursPart() + " hours, "
                        + up.toMinutesPart() + " minutes, " + up.toSecondsPart() + " seconds, " + up.toMillisPart()
                        + " milliseconds, 0 microseconds"),
                new EslHeader("FreeSWITCH-Version", "1.10.12-release~64bit"),
                new EslHeader("Uptime-msec", Long.toString(uptimeMillis)),
                new EslHeader("Session-Count", Integer.toString(engine.liveChannels())),
                new EslHeader("Max-Sessions", Integer.toString(config.maxSessions())),
                new EslHeader("Session-Per-Sec", Integer.toString(config.sessionsPerSecond())),
                new EslHeader("Session-Per-Sec-Last", Integer.toString(engine.sessionsPerSecondNow())),
                new EslHeader("Session-Per-Sec-Max", Integer.toString(config.sessionsPerSecond())),
                new EslHeader("Session-Per-Sec-FiveMin", Integer.toString(config.sessionsPerSecond())),
                new EslHeader("Session-Since-Startup", Long.toString(engine.sessionsSinceStartup())),
                new EslHeader("Session-Peak-Max", Integer.toString(engine.liveChannels())),
                new EslHeader("Session-Peak-FiveMin", Integer.toString(engine.liveChannels())),
                new EslHeader("Idle-CPU", "99.500000"));
        engine.publish(events.create("HEARTBEAT", new String[] {"switch_core.c", "send_heartbeat", "95"}, h, null));
        engine.publish(events.create("RE_SCHEDULE", new String[] {"switch_scheduler.c", "switch_scheduler_execute", "73"},
                List.of(new EslHeader("Task-ID", "1"), new EslHeader("Task-Desc", "heartbeat"),
                        new EslHeader("Task-Group", "core"),
                        new EslHeader("Task-Runtime", Long.toString(Instant.now().getEpochSecond() + 20))), null));
    }
}
