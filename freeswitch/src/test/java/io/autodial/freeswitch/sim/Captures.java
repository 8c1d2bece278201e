package io.autodial.freeswitch.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real FreeSWITCH captures: -Desl.captures.dir, else shared/reference/esl-captures above
 * the working dir (the team's reference copy), else the copy kept with these tests, so a lone
 * clone (CI) replays them too.
 */
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
        Path bundled = Path.of("src/test/resources/esl-captures");
        if (Files.isDirectory(bundled)) {
            return bundled;
        }
        throw new AssertionError("ESL captures not found: set -Desl.captures.dir or run below a directory that has"
                + " shared/reference/esl-captures (working dir " + Path.of("").toAbsolutePath() + ")");
    }
}
