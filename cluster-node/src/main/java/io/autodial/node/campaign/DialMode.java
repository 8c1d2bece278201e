package io.autodial.node.campaign;

/**
 * How a campaign places its calls. PREVIEW: an agent sees each lead first and dials it or skips it.
 * PROGRESSIVE: one call per ready agent. POWER: ready agents × multiplier. PREDICTIVE: paced from
 * measured answer and abandonment rates. BROADCAST: no agents, a recorded message to whoever answers.
 */
public enum DialMode {
  PREVIEW,
  PROGRESSIVE,
  POWER,
  PREDICTIVE,
  BROADCAST
}
