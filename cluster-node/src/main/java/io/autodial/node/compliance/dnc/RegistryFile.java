package io.autodial.node.compliance.dnc;

import io.autodial.node.compliance.dnc.RegistryImportState.RejectedLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a registry file into a {@code long[]} of keys: one number a line, or CSV whose first column
 * is the number (an optional header line is skipped: a first line whose first column has a
 * letter). Blank lines are skipped; bad lines are counted and the first {@link #MAX_REPORTED} kept
 * with their line number and reason. Bytes are scanned in a 1 MiB buffer and parsed in place, so
 * a line costs no allocation: 10 million lines take about a second.
 */
final class RegistryFile {
  static final int MAX_REPORTED = 100;
  private static final int BUFFER = 1 << 20;
  private static final int MAX_INITIAL_CAPACITY = 16_000_000; // a CSV with long lines must not reserve too much up front

  /** Told the counts every {@link #PROGRESS_EVERY} lines. */
  interface Progress {
    void update(long linesRead, long good, long rejected);
  }

  static final int PROGRESS_EVERY = 1 << 16;

  long[] keys;
  int count;
  long linesRead;
  long rejected;
  final List<RejectedLine> firstRejected = new ArrayList<>();

  static RegistryFile read(Path file, Progress progress) throws IOException {
    RegistryFile r = new RegistryFile();
    r.keys = new long[(int) Math.min(MAX_INITIAL_CAPACITY, Files.size(file) / 11 + 16)];
    try (InputStream in = Files.newInputStream(file)) {
      r.scan(in, progress);
    }
    progress.update(r.linesRead, r.count, r.rejected);
    return r;
  }

  private void scan(InputStream in, Progress progress) throws IOException {
    byte[] buf = new byte[BUFFER];
    int start = 0;
    int end = 0;
    boolean overlong = false; // skipping the rest of a line longer than the buffer
    boolean first = true;
    while (true) {
      int read = in.read(buf, end, buf.length - end);
      if (read < 0) break;
      end += read;
      if (first && end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) start = 3; // UTF-8 BOM
      first = false;
      int nl;
      while ((nl = indexOf(buf, start, end)) >= 0) {
        if (overlong) overlong = false;
        else line(buf, start, nl);
        start = nl + 1;
        if ((linesRead & (PROGRESS_EVERY - 1)) == 0) progress.update(linesRead, count, rejected);
      }
      if (start == 0 && end == buf.length) { // no newline in a whole buffer: not a registry line
        if (!overlong) reject(++linesRead, "line longer than " + BUFFER + " bytes");
        overlong = true;
        end = 0;
      } else {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
    }
    if (end > start && !overlong) line(buf, start, end); // a last line without a newline
  }

  private void line(byte[] b, int from, int to) {
    long lineNo = ++linesRead;
    if (to > from && b[to - 1] == '\r') to--;
    int comma = from;
    while (comma < to && b[comma] != ',') comma++;
    int s = from;
    int e = comma;
    while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
    if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
      s++;
      e--;
    }
    long key = PhoneKeys.parse(b, s, e);
    if (key >= 0) {
      if (count == keys.length) keys = Arrays.copyOf(keys, keys.length + (keys.length >> 1) + 16);
      keys[count++] = key;
      return;
    }
    if (key == PhoneKeys.EMPTY && comma == to) return; // a blank line
    if (lineNo == 1 && hasLetter(b, s, e)) return; // the header
    reject(lineNo, PhoneKeys.reason(key));
  }

  private void reject(long lineNo, String reason) {
    rejected++;
    if (firstRejected.size() < MAX_REPORTED) firstRejected.add(new RejectedLine(lineNo, reason));
  }

  private static boolean hasLetter(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z')) return true;
    return false;
  }

  private static int indexOf(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] == '\n') return i;
    return -1;
  }
}
