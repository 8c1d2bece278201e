package io.autodial.freeswitch.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real FreeSWITCH captures: -Desl.captures.dir, else shared/reference/esl-captures above the working dir. */
final class Captures {
    private Captures() {}

    static Path dir() {
        String prop = System.getProperty("esl.captures.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/reference/esl-captures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("ESL captures not found: set -Desl.captures.dir or run below a directory that has"
                + " shared/reference/esl-captures (working dir " + Path.of("").toAbsolutePath() + ")");
    }
}
