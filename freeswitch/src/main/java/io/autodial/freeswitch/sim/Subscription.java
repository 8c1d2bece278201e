package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** One connection's event subscription and filters, with mod_event_socket's semantics. */
final class Subscription {
    enum Format { PLAIN, JSON }

    private record Filter(String header, String value, Pattern regex) {
        boolean matches(EslEvent event) {
            for (EslHeader h : event.headers()) {
                if (h.name().equalsIgnoreCase(header)) {
                    return regex != null ? regex.matcher(h.value()).find() : h.value().equalsIgnoreCase(value);
                }
            }
            return false;
        }
    }

    private final Set<String> events = new HashSet<>();
    private final Set<String> subclasses = new HashSet<>();
    private final List<Filter> filters = new ArrayList<>();
    private boolean all;
    private boolean listening;
    private Format format = Format.PLAIN;

    Format format() {
        return format;
    }

    boolean listening() {
        return listening;
    }

    /** Handles the arguments of {@code event <format> NAME...}; returns the reply text. */
    String subscribe(String args) {
        String[] words = args.trim().split("\\s+");
        int i = 0;
        if (words.length > 0 && List.of("plain", "json", "xml").contains(words[0].toLowerCase(Locale.ROOT))) {
            format = words[0].equalsIgnoreCase("json") ? Format.JSON : Format.PLAIN;
            i = 1;
        }
        if (i >= words.length || words[i].isEmpty()) {
            return "-ERR no keywords supplied";
        }
        boolean custom = false;
        for (; i < words.length; i++) {
            String w = words[i];
            if (custom && !isEventName(w)) {
                subclasses.add(w);
            } else if (w.equalsIgnoreCase("ALL")) {
                all = true;
            } else {
                String name = w.toUpperCase(Locale.ROOT);
                custom = name.equals("CUSTOM");
                events.add(name);
            }
        }
        listening = true;
        return "+OK event listener enabled " + (format == Format.JSON ? "json" : "plain");
    }

    private static boolean isEventName(String w) {
        return w.equals(w.toUpperCase(Locale.ROOT)) && !w.contains("::");
    }

    String nix(String args) {
        String[] words = args.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "-ERR no keywords supplied";
        }
        for (String w : words) {
            if (w.equalsIgnoreCase("ALL")) {
                all = false;
                events.clear();
                subclasses.clear();
            } else {
                events.remove(w.toUpperCase(Locale.ROOT));
                subclasses.remove(w);
            }
        }
        return "+OK events nixed";
    }

    String noEvents() {
        if (!listening) {
            return "-ERR not listening for events";
        }
        listening = false;
        all = false;
        events.clear();
        subclasses.clear();
        return "+OK no longer listening for events";
    }

    String filter(String args) {
        String[] words = args.trim().split("\\s+", 2);
        if (words[0].equalsIgnoreCase("delete")) {
            String rest = words.length > 1 ? words[1].trim() : "";
            if (rest.isEmpty()) {
                return "-ERR invalid syntax";
            }
            if (rest.equalsIgnoreCase("all")) {
                filters.clear();
                return "+OK filter deleted.";
            }
            String[] hv = rest.split("\\s+", 2);
            String value = hv.length > 1 ? hv[1] : null;
            filters.removeIf(f -> f.header.equalsIgnoreCase(hv[0]) && (value == null || f.value.equals(value)));
            return "+OK filter deleted. [" + hv[0] + "][" + (value == null ? "(null)" : value) + "]";
        }
        if (words.length < 2 || words[1].isBlank()) {
            return "-ERR invalid syntax";
        }
        String value = words[1].trim();
        Pattern regex = value.startsWith("/") ? Pattern.compile(value.substring(1, value.endsWith("/") && value.length() > 1
                ? value.length() - 1 : value.length())) : null;
        filters.add(new Filter(words[0], value, regex));
        return "+OK filter added. [" + words[0] + "]=[" + value + "]";
    }

    boolean accepts(EslEvent event, String name, String subclass) {
        if (!listening) {
            return false;
        }
        boolean subscribed;
        if (name.equals("CUSTOM")) {
            subscribed = all || (subclass != null && subclasses.contains(subclass));
        } else {
            subscribed = all || events.contains(name);
        }
        if (!subscribed) {
            return false;
        }
        if (filters.isEmpty()) {
            return true;
        }
        for (Filter f : filters) {
            if (f.matches(event)) {
                return true;
            }
        }
        return false;
    }
}
