package io.autodial.freeswitch.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recorded FreeSWITCH call turned into replayable segments (resources sim/scripts, produced from real captures
 * by src/test/resources/tools/extract_scripts.py). Header values are URL-encoded as on the wire, with
 * placeholders {@code ⟨…⟩} for identities, times and outcomes.
 */
record EventScript(String name, List<Segment> segments) {

    sealed interface Step permits EventStep, JobStep {
        long relMicros();
    }

    /** One event: its name and its headers as [name, encoded value template] pairs. */
    record EventStep(long relMicros, String eventName, List<String[]> headers) implements Step {}

    /** The point where the originate API returns (its BACKGROUND_JOB in the capture). */
    record JobStep(long relMicros) implements Step {}

    record Segment(String label, long captureT0, List<Step> steps) {}

    private static final Map<String, EventScript> CACHE = new ConcurrentHashMap<>();

    static EventScript load(String name) {
        return CACHE.computeIfAbsent(name, EventScript::read);
    }

    Segment segment(String label) {
        return segments.stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("script " + name + " has no segment " + label));
    }

    private static EventScript read(String name) {
        String path = "/sim/scripts/" + name + ".script";
        try (InputStream in = EventScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Segment> segments = new ArrayList<>();
            List<Step> steps = null;
            List<String[]> headers = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("SEG ")) {
                    String[] p = line.split(" ");
                    steps = new ArrayList<>();
                    segments.add(new Segment(p[1], Long.parseLong(p[2]), steps));
                } else if (line.startsWith("EV ")) {
                    String[] p = line.split(" ");
                    headers = new ArrayList<>();
                    steps.add(new EventStep(Long.parseLong(p[1]), p[2], headers));
                } else if (line.startsWith("JOB ")) {
                    steps.add(new JobStep(Long.parseLong(line.substring(4))));
                } else if (line.equals("END")) {
                    headers = null;
                } else if (!line.isEmpty()) {
                    int tab = line.indexOf('\t');
                    headers.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
                }
            }
            return new EventScript(name, List.copyOf(segments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
