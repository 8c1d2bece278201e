package io.autodial.freeswitch.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code originate <call url> <exten>|&<app>(<args>) [<dialplan>] [<context>] [<cid_name>] [<cid_num>] [<timeout>]}
 * with the {@code {a=b,...}} prefix on the call url.
 */
record OriginateRequest(Map<String, String> vars, String dialString, String application, String applicationArgs,
                        String extension, String rawArgs) {

    static final String USAGE = "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] [<context>]"
            + " [<cid_name>] [<cid_num>] [<timeout_sec>]\n";

    static Optional<OriginateRequest> parse(String args) {
        String s = args.trim();
        Map<String, String> vars = new LinkedHashMap<>();
        if (s.startsWith("{")) {
            int end = s.indexOf('}');
            if (end < 0) {
                return Optional.empty();
            }
            for (String kv : splitVars(s.substring(1, end))) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    vars.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
            }
            s = s.substring(end + 1);
        }
        String[] parts = s.trim().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        String target = parts[1];
        if (target.startsWith("&")) {
            int open = target.indexOf('(');
            String app = open < 0 ? target.substring(1) : target.substring(1, open);
            String appArgs = open < 0 ? "" : target.substring(open + 1, target.endsWith(")") ? target.length() - 1 : target.length());
            return Optional.of(new OriginateRequest(vars, parts[0], app, appArgs, null, args));
        }
        return Optional.of(new OriginateRequest(vars, parts[0], null, null, target, args));
    }

    /** Splits on commas outside quotes, as FreeSWITCH's variable parser does for the common cases. */
    private static String[] splitVars(String s) {
        return s.isEmpty() ? new String[0] : s.split(",(?=(?:[^']*'[^']*')*[^']*$)");
    }

    int originateTimeoutSeconds() {
        String v = vars.getOrDefault("originate_timeout", vars.get("call_timeout"));
        try {
            return v == null ? 60 : Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }
}
