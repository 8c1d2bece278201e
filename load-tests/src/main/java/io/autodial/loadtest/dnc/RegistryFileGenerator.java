package io.autodial.loadtest.dnc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a registry file as the regulator's would look: one 10-digit US number a line (area code
 * and exchange starting 2-9), with a share of repeated numbers and a few bad lines, and keeps a
 * sample of the numbers written so the benchmark can look up known hits.
 */
final class RegistryFileGenerator {
  record Generated(long lines, long badLines, long repeatedLines, long[] sample) {}

  private RegistryFileGenerator() {}

  static Generated write(Path file, long lines, double repeatShare, long badEvery, int sampleSize, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    long[] sample = new long[sampleSize];
    long bad = 0;
    long repeated = 0;
    byte[] line = new byte[16];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (long i = 0; i < lines; i++) {
        if (badEvery > 0 && i % badEvery == badEvery - 1) {
          out.write((i / badEvery) % 2 == 0 ? "12345\n".getBytes() : "n/a\n".getBytes());
          bad++;
          continue;
        }
        long national;
        long earlier = i >= sampleSize && random.nextDouble() < repeatShare ? sample[random.nextInt(sampleSize)] : 0;
        if (earlier != 0) { // 0: that sampled line was a bad one
          national = earlier - 10_000_000_000L; // a number written before
          repeated++;
        } else {
          national = randomNational(random);
          if (i < sampleSize) sample[(int) i] = 10_000_000_000L + national;
        }
        int n = 0;
        for (long v = national, div = 1_000_000_000L; div > 0; div /= 10) line[n++] = (byte) ('0' + (v / div) % 10);
        line[n++] = '\n';
        out.write(line, 0, n);
      }
    }
    return new Generated(lines, bad, repeated, sample);
  }

  /** A random valid US national number: an area code and an exchange, each starting 2-9, then four digits. */
  static long randomNational(SplittableRandom random) {
    long area = 200 + random.nextInt(800);
    long exchange = 200 + random.nextInt(800);
    long subscriber = random.nextInt(10_000);
    return area * 10_000_000L + exchange * 10_000L + subscriber;
  }
}
