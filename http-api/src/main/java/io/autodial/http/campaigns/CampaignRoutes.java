package io.autodial.http.campaigns;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.Principal;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** {@code /api/campaigns}: admins change them, supervisors and admins read them and their stats. */
public final class CampaignRoutes {
  private final CampaignsService campaigns;

  public CampaignRoutes(CampaignsService campaigns) {
    this.campaigns = campaigns;
  }

  public Route route(Principal principal) {
    return pathPrefix(
        "campaigns",
        () ->
            Authentication.staff(
                principal,
                () ->
                    concat(
                        pathEnd(
                            () ->
                                concat(
                                    get(() -> onSuccess(campaigns.list(), list -> complete(StatusCodes.OK, list, Json.marshaller()))),
                                    post(() -> Authentication.admin(principal, () ->
                                        entity(Json.unmarshaller(CampaignRequest.class), request ->
                                            onSuccess(campaigns.create(request), created -> complete(StatusCodes.CREATED, created, Json.<CampaignDto>marshaller()))))))),
                        pathPrefix(
                            segment(),
                            id ->
                                concat(
                                    pathEnd(
                                        () ->
                                            concat(
                                                get(() -> onSuccess(campaigns.get(id), c -> found(c, id))),
                                                put(() -> Authentication.admin(principal, () ->
                                                    entity(Json.unmarshaller(CampaignRequest.class), request ->
                                                        onSuccess(campaigns.update(id, request), c -> found(c, id))))),
                                                delete(() -> Authentication.admin(principal, () ->
                                                    onSuccess(campaigns.delete(id), deleted ->
                                                        deleted ? complete(StatusCodes.NO_CONTENT) : ApiErrors.error(StatusCodes.NOT_FOUND, "no campaign " + id)))))),
                                    path(
                                        "stats",
                                        () -> get(() -> onSuccess(campaigns.stats(id), s ->
                                            s.isPresent()
                                                ? complete(StatusCodes.OK, s.get(), Json.<CampaignStatsDto>marshaller())
                                                : ApiErrors.error(StatusCodes.NOT_FOUND, "no campaign " + id)))),
                                    path(
                                        "agents",
                                        () -> put(() -> Authentication.admin(principal, () ->
                                            entity(Json.unmarshaller(AgentAssignment.class), body ->
                                                onSuccess(campaigns.assignAgents(id, body.agentIds()), c -> found(c, id)))))),
                                    path(
                                        segment(),
                                        action ->
                                            // the body, if any, is read (and ignored) before answering
                                            post(() -> entity(Unmarshaller.entityToString(), ignored -> Authentication.admin(principal, () -> {
                                              if (!action.equals("start") && !action.equals("pause") && !action.equals("stop"))
                                                return ApiErrors.error(StatusCodes.NOT_FOUND, "no action '" + action + "'; use start, pause or stop");
                                              return onSuccess(campaigns.changeStatus(id, action), c -> found(c, id));
                                            })))))))));
  }

  private static Route found(Optional<CampaignDto> campaign, String id) {
    return campaign.isPresent()
        ? complete(StatusCodes.OK, campaign.get(), Json.<CampaignDto>marshaller())
        : ApiErrors.error(StatusCodes.NOT_FOUND, "no campaign " + id);
  }
}
