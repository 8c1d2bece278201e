package io.autodial.node.compliance;

/**
 * Whose rules a campaign follows. US (TCPA / TSR): abandonment over a rolling 30 days. UK (Ofcom):
 * abandonment over 24 hours with AMD false positives estimated in, and a 72-hour lock-out of a
 * number whose call was abandoned.
 */
public enum Jurisdiction {
  US,
  UK
}
