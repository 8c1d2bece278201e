package io.autodial.http;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import io.autodial.http.agent.AgentGateway;
import io.autodial.http.agent.AgentSocketRoute;
import io.autodial.http.agent.WebRoutes;
import io.autodial.http.agents.AgentRoutes;
import io.autodial.http.agents.AgentsService;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.TokenVerifier;
import io.autodial.http.calls.CallRoutes;
import io.autodial.http.calls.CallsService;
import io.autodial.http.campaigns.CampaignRoutes;
import io.autodial.http.campaigns.CampaignsService;
import io.autodial.http.compliance.AuditRoutes;
import io.autodial.http.compliance.ComplianceAuditService;
import io.autodial.http.compliance.LeadComplianceRoutes;
import io.autodial.http.compliance.LeadComplianceService;
import io.autodial.http.dnc.DncRoutes;
import io.autodial.http.dnc.DncService;
import io.autodial.http.leads.LeadsService;
import io.autodial.http.leads.LeadsetRoutes;
import io.autodial.http.users.UserRoutes;
import io.autodial.http.users.UsersService;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;

/**
 * All routes of a node. Served without a token: {@code /health}, {@code POST /api/login}, the
 * agent page (it holds no data) and the agent WebSocket (it authenticates its first message).
 */
public final class HttpApi {

  /** What the routes need from the node. */
  public record Services(
      TokenVerifier tokens,
      UsersService users,
      CallsService calls,
      CampaignsService campaigns,
      AgentsService agents,
      LeadsService leads,
      AgentGateway agentGateway,
      DncService dnc,
      ComplianceAuditService compliance,
      LeadComplianceService leadCompliance) {}

  private final Services services;

  public HttpApi(Services services) {
    this.services = services;
  }

  public Route route() {
    Authentication auth = new Authentication(services.tokens());
    UserRoutes users = new UserRoutes(services.users());
    CampaignRoutes campaigns = new CampaignRoutes(services.campaigns());
    AgentRoutes agents = new AgentRoutes(services.agents());
    LeadsetRoutes leads = new LeadsetRoutes(services.leads());
    CallRoutes calls = new CallRoutes(services.calls());
    AuditRoutes audit = new AuditRoutes(services.compliance());
    LeadComplianceRoutes leadCompliance = new LeadComplianceRoutes(services.leadCompliance());
    DncRoutes dnc = new DncRoutes(services.dnc());
    return handleExceptions(
        ApiErrors.exceptionHandler(),
        () ->
            handleRejections(
                ApiErrors.rejectionHandler(),
                () ->
                    concat(
                        path("health", () -> get(() -> complete(HttpEntities.create(ContentTypes.APPLICATION_JSON, "{\"status\":\"UP\"}")))),
                        new WebRoutes().route(),
                        new AgentSocketRoute(services.tokens(), services.agentGateway()).route(),
                        pathPrefix(
                            "api",
                            () ->
                                concat(
                                    users.login(),
                                    auth.authenticated(
                                        principal ->
                                            concat(
                                                // before campaigns and leads: their role checks would answer these paths first
                                                audit.route(principal),
                                                leadCompliance.route(principal),
                                                users.users(principal),
                                                campaigns.route(principal),
                                                agents.route(principal),
                                                calls.route(principal),
                                                Authentication.admin(principal, leads::route),
                                                Authentication.admin(principal, () -> dnc.route(principal)))))))));
  }

  public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port) {
    return bind(system, host, port, Optional.empty());
  }

  /** HTTPS with {@code tls} when given, else plain HTTP. */
  public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port, Optional<SSLContext> tls) {
    var server = Http.get(system)
        .newServerAt(host, port)
        .withSettings(AgentSocketRoute.withKeepAlivePings(ServerSettings.create(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system))));
    if (tls.isPresent()) server = server.enableHttps(ConnectionContext.httpsServer(tls.get()));
    return server.bind(route());
  }
}
