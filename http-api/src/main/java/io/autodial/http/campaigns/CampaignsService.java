package io.autodial.http.campaigns;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Campaigns for the API. IllegalArgumentException means a bad request (400, its message). */
public interface CampaignsService {
  CompletionStage<CampaignDto> create(CampaignRequest request);

  CompletionStage<List<CampaignDto>> list();

  CompletionStage<Optional<CampaignDto>> get(String id);

  CompletionStage<Optional<CampaignDto>> update(String id, CampaignRequest request);

  /** {@code action}: start, pause or stop. */
  CompletionStage<Optional<CampaignDto>> changeStatus(String id, String action);

  CompletionStage<Optional<CampaignDto>> assignAgents(String id, List<String> agentIds);

  CompletionStage<Optional<CampaignStatsDto>> stats(String id);

  /** Stops and removes the campaign; false when there is none. */
  CompletionStage<Boolean> delete(String id);
}
