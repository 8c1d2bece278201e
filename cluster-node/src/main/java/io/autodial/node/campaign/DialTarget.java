package io.autodial.node.campaign;

/**
 * How many calls a campaign wants ringing or waiting for an agent, by mode. Agent-bound calls
 * (preview, manual dial) are not counted here: they are placed when an agent asks.
 */
final class DialTarget {
  private DialTarget() {}

  static int of(CampaignSettings settings, int readyAgents) {
    int wanted =
        switch (settings.mode()) {
          // the agent sees the lead first and dials it: nothing is placed ahead of an agent
          case PREVIEW -> 0;
          // one call per ready agent: nobody answers without an agent free for them
          case PROGRESSIVE -> readyAgents;
          case POWER -> (int) Math.floor(readyAgents * settings.multiplier());
          // placeholder until predictive pacing replaces it: as cautious as progressive
          case PREDICTIVE -> readyAgents;
          // no agents: as many as the campaign may have at once
          case BROADCAST -> settings.maxConcurrentCalls();
        };
    return Math.min(settings.maxConcurrentCalls(), wanted);
  }
}
