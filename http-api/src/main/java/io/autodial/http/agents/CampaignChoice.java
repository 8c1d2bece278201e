package io.autodial.http.agents;

/** Body of {@code PUT /api/agents/{id}/campaign}. */
public record CampaignChoice(String campaignId) {
  public CampaignChoice {
    if (campaignId == null || campaignId.isBlank()) throw new IllegalArgumentException("campaignId is required");
  }
}
