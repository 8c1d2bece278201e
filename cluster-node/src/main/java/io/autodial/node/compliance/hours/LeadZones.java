package io.autodial.node.compliance.hours;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** The zones a lead may be in (never empty unless source == UNKNOWN) and how they were found. */
public record LeadZones(List<ZoneId> zones, ZoneSource source) {
  public static final LeadZones UNKNOWN = new LeadZones(List.of(), ZoneSource.UNKNOWN);

  public LeadZones {
    Objects.requireNonNull(source, "source");
    zones = List.copyOf(Objects.requireNonNull(zones, "zones"));
    // Empty means "nowhere known", which only UNKNOWN may say; UNKNOWN with zones would be a contradiction.
    if (zones.isEmpty() != (source == ZoneSource.UNKNOWN))
      throw new IllegalArgumentException(
          source == ZoneSource.UNKNOWN
              ? "zones of unknown source must be empty, got " + zones
              : "a lead's zones found from " + source + " must not be empty");
  }
}
