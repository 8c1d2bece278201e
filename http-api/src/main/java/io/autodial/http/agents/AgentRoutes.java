package io.autodial.http.agents;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** {@code /api/agents}: admins manage agents; an agent may read only itself. */
public final class AgentRoutes {
  private final AgentsService agents;

  public AgentRoutes(AgentsService agents) {
    this.agents = agents;
  }

  public Route route(Principal principal) {
    return pathPrefix(
        "agents",
        () ->
            concat(
                pathEnd(
                    () ->
                        Authentication.staff(
                            principal,
                            () ->
                                concat(
                                    get(() -> onSuccess(agents.list(), list -> complete(StatusCodes.OK, list, Json.marshaller()))),
                                    post(() -> Authentication.admin(principal, () ->
                                        entity(Json.unmarshaller(NewAgent.class), body ->
                                            onSuccess(agents.create(body), created -> complete(StatusCodes.CREATED, created, Json.<AgentDto>marshaller())))))))),
                pathPrefix(
                    segment(),
                    agentId ->
                        concat(
                            pathEnd(
                                () ->
                                    concat(
                                        get(() -> self(principal, agentId, () -> onSuccess(agents.get(agentId), a -> found(a, agentId)))),
                                        delete(() -> Authentication.admin(principal, () ->
                                            onSuccess(agents.delete(agentId), deleted ->
                                                deleted ? complete(StatusCodes.NO_CONTENT) : ApiErrors.error(StatusCodes.NOT_FOUND, "no agent " + agentId)))))),
                            path(
                                "dial",
                                () -> post(() -> onlyItself(principal, agentId, () ->
                                    // read here, not as a rejection: a later route (the admin-only leads) would turn it into a 403
                                    entity(Unmarshaller.entityToString(), text -> {
                                      DialLeadRequest body;
                                      try {
                                        body = Json.MAPPER.readValue(text, DialLeadRequest.class);
                                      } catch (Exception e) {
                                        return ApiErrors.error(StatusCodes.BAD_REQUEST, badBody(e));
                                      }
                                      return onSuccess(agents.dialLead(agentId, body.leadId()), outcome -> dialed(outcome, agentId));
                                    })))),
                            path(
                                "campaign",
                                () -> put(() -> Authentication.admin(principal, () ->
                                    entity(Json.unmarshaller(CampaignChoice.class), body ->
                                        onSuccess(agents.assignCampaign(agentId, body.campaignId()), a -> found(a, agentId))))))))));
  }

  /** Staff see every agent; an agent sees only itself. */
  private static Route self(Principal principal, String agentId, java.util.function.Supplier<Route> inner) {
    if (principal.role() == Role.AGENT && !agentId.equals(principal.agentId()))
      return ApiErrors.error(StatusCodes.FORBIDDEN, "an agent may only look at itself");
    return inner.get();
  }

  /** Only the agent itself places its own calls: staff may not dial on an agent's behalf. */
  private static Route onlyItself(Principal principal, String agentId, java.util.function.Supplier<Route> inner) {
    if (principal.role() != Role.AGENT || !agentId.equals(principal.agentId()))
      return ApiErrors.error(StatusCodes.FORBIDDEN, "only agent " + agentId + " may dial for itself");
    return inner.get();
  }

  private static String badBody(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause())
      if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getCause() == null) return t.getMessage();
    return "send {\"leadId\": <number>}";
  }

  private static Route dialed(LeadDialOutcome outcome, String agentId) {
    return switch (outcome.kind()) {
      case DIALED -> complete(StatusCodes.CREATED, new DialedLead(outcome.callUuid(), outcome.leadId(), agentId), Json.<DialedLead>marshaller());
      case NOT_FOUND -> ApiErrors.error(StatusCodes.NOT_FOUND, outcome.message());
      case INVALID -> ApiErrors.error(StatusCodes.BAD_REQUEST, outcome.message());
      case CONFLICT -> ApiErrors.error(StatusCodes.CONFLICT, outcome.message());
      case FAILED -> ApiErrors.error(StatusCodes.SERVICE_UNAVAILABLE, outcome.message());
    };
  }

  private static Route found(Optional<AgentDto> agent, String id) {
    return agent.isPresent()
        ? complete(StatusCodes.OK, agent.get(), Json.<AgentDto>marshaller())
        : ApiErrors.error(StatusCodes.NOT_FOUND, "no agent " + id);
  }
}
