package io.autodial.freeswitch.esl;

import io.autodial.freeswitch.api.LiveChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the reply of {@code show channels}: a CSV header line, one row per channel, a blank line
 * and {@code N total.}; with no channels only the blank line and {@code 0 total.}.
 */
final class ShowChannels {
  private ShowChannels() {}

  static List<LiveChannel> parse(String body) {
    List<LiveChannel> channels = new ArrayList<>();
    String[] lines = body.split("\n");
    List<String> header = null;
    for (String line : lines) {
      if (line.isBlank() || line.endsWith(" total.")) continue;
      if (header == null) {
        header = Arrays.asList(line.split(","));
        continue;
      }
      String[] cells = line.split(",", -1);
      channels.add(
          new LiveChannel(
              cell(header, cells, "uuid"),
              cell(header, cells, "name"),
              cell(header, cells, "state"),
              cell(header, cells, "callstate"),
              cell(header, cells, "dest")));
    }
    return channels;
  }

  private static String cell(List<String> header, String[] cells, String column) {
    int i = header.indexOf(column);
    return i >= 0 && i < cells.length ? cells[i] : "";
  }
}
