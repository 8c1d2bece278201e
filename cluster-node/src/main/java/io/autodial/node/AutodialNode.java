package io.autodial.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.autodial.freeswitch.esl.EslCallControl;
import io.autodial.freeswitch.esl.EslSettings;
import io.autodial.freeswitch.esl.SwitchSettings;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.http.HttpApi;
import io.autodial.http.auth.Role;
import io.autodial.http.users.NewUser;
import io.autodial.node.agent.AgentEntity;
import io.autodial.node.auth.JdbcUsersService;
import io.autodial.node.auth.JwtTokens;
import io.autodial.node.campaign.CampaignDialer;
import io.autodial.node.campaign.CampaignEntity;
import io.autodial.node.compliance.CompanyNumbers;
import io.autodial.node.compliance.Consents;
import io.autodial.node.compliance.LeadComplianceServiceImpl;
import io.autodial.node.compliance.abandonment.AbandonmentLedger;
import io.autodial.node.compliance.dnc.DncLists;
import io.autodial.node.compliance.dnc.DncServiceImpl;
import io.autodial.node.compliance.dnc.DncSource;
import io.autodial.node.compliance.eligibility.DialGate;
import io.autodial.node.compliance.JdbcComplianceAuditService;
import io.autodial.node.compliance.audit.AuditHashKey;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.audit.ComplianceAuditEntity;
import io.autodial.node.compliance.audit.PhoneHasher;
import io.autodial.node.compliance.audit.ShardedAuditTrail;
import io.autodial.node.config.TlsSettings;
import io.autodial.node.projection.ComplianceAuditHandler;
import io.autodial.node.leads.JdbcLeadsService;
import io.autodial.node.leads.LeadRepository;
import io.autodial.node.leads.LeadValidator;
import io.autodial.node.leads.LeadsetFetcher;
import io.autodial.node.leads.PhoneNumbers;
import io.autodial.node.projection.AgentStateHandler;
import io.autodial.node.projection.CallLogHandler;
import io.autodial.node.projection.CampaignHandler;
import io.autodial.node.projection.TaggedProjections;
import io.autodial.node.services.ShardedAgentsService;
import io.autodial.node.services.ShardedCampaignsService;
import io.autodial.node.wiring.ShardedAgentCalls;
import io.autodial.node.wiring.ShardedAgentCampaign;
import io.autodial.node.wiring.ShardedAgentGateway;
import io.autodial.node.wiring.ShardedAgentListener;
import io.autodial.node.wiring.ShardedCallListener;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.DispatcherSelector;
import io.autodial.node.call.CallEntity;
import io.autodial.node.call.CallEventRouter;
import io.autodial.node.call.ShardedCallsService;
import io.autodial.node.config.NodeSettings;
import io.autodial.node.db.DatabaseSettings;
import io.autodial.node.db.EmbeddedDatabase;
import io.autodial.node.db.Migrations;
import io.autodial.node.db.ReadModelPool;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * A running Autodial node: its database (embedded unless configured), the schema migrated, its
 * switches (the built-in simulator unless configured), the actor system with its entities and
 * projections, and the HTTP API. Used by {@link Main} and by the end-to-end tests alike.
 */
public final class AutodialNode implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final EslCallControl callControl;
  private final HikariDataSource readModel;
  private final ServerBinding http;
  private final NodeSettings settings;
  private final DatabaseSettings database;
  private final Optional<EmbeddedDatabase> embeddedDatabase;
  private final Optional<FreeSwitchSimulator> simulator;
  private final boolean adminCreated;
  private final HttpApi.Services services;
  private final AuditTrail auditTrail;

  /** The username of the account every node makes sure exists. */
  public static final String ADMIN = "admin";

  private AutodialNode(
      ActorSystem<Void> system,
      EslCallControl callControl,
      HikariDataSource readModel,
      ServerBinding http,
      NodeSettings settings,
      DatabaseSettings database,
      Optional<EmbeddedDatabase> embeddedDatabase,
      Optional<FreeSwitchSimulator> simulator,
      boolean adminCreated,
      HttpApi.Services services,
      AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
    this.adminCreated = adminCreated;
    this.services = services;
    this.system = system;
    this.callControl = callControl;
    this.readModel = readModel;
    this.http = http;
    this.settings = settings;
    this.database = database;
    this.embeddedDatabase = embeddedDatabase;
    this.simulator = simulator;
  }

  public static AutodialNode start(Config config) {
    NodeSettings settings = NodeSettings.from(config);
    Optional<javax.net.ssl.SSLContext> tls = TlsSettings.from(config).sslContext(); // a bad keystore fails before anything starts
    DatabaseSettings configured = DatabaseSettings.from(config);
    Optional<EmbeddedDatabase> embedded =
        configured.embedded() ? Optional.of(EmbeddedDatabase.start(configured.embeddedDataDir())) : Optional.empty();
    DatabaseSettings db = embedded.map(e -> e.settings(configured)).orElse(configured);
    Migrations.migrate(db);

    Optional<FreeSwitchSimulator> simulator = Optional.empty();
    EslSettings esl = settings.esl();
    if (settings.simulatorEnabled()) {
      String password = NodeSettings.randomSecret();
      FreeSwitchSimulator sim =
          FreeSwitchSimulator.start(
              SimulatorConfig.defaults()
                  .withPort(settings.simulatorPort())
                  .withPassword(password)
                  .withTimeScale(settings.simulatorTimeScale())
                  .withSessionsPerSecond(settings.simulatorSessionsPerSecond()));
      simulator = Optional.of(sim);
      esl =
          new EslSettings(
              List.of(
                  new SwitchSettings(
                      "sim", sim.host(), sim.port(), password, "sofia/gateway/{gateway}/{number}",
                      "carrier", "user/{agent}", settings.simulatorSessionsPerSecond())),
              esl.commandTimeout(),
              esl.originateGrace(),
              esl.maxReconnectBackoff());
    } else {
      esl.switches().stream()
          .filter(s -> s.password().isBlank())
          .findAny()
          .ifPresent(s -> {
            throw new IllegalArgumentException("switch " + s.id() + " has no ESL password: set ESL_PASSWORD");
          });
    }

    EslCallControl callControl = EslCallControl.start(esl);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "autodial", withDatabase(config, db));
    if (system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(new Join(cluster.selfMember().address()));
    }
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("autodial.blocking-jdbc-dispatcher"));
    HikariDataSource readModel = ReadModelPool.create(db);
    LeadRepository leads = new LeadRepository(readModel, new LeadValidator(new PhoneNumbers(settings.defaultRegion())));

    // ---- compliance: the audit trail every decision goes to, the DNC lists, the check every dial passes ----
    ComplianceAuditEntity.init(system);
    PhoneHasher phoneHasher = AuditHashKey.hasher(config, readModel);
    AuditTrail auditTrail = new ShardedAuditTrail(system, phoneHasher);
    DncLists dncLists = dncLists(system, readModel, auditTrail, blocking); // loaded before anything dials
    DialGate gate = new DialGate(readModel, dncLists::check, auditTrail, () -> registryWarnings(dncLists));
    CompanyNumbers companyNumbers = new CompanyNumbers(readModel);
    seedCompanyNumbers(config, companyNumbers);
    ShardedCallListener.OptOuts optOuts = (phone, campaignId, digit) ->
        CompletableFuture.runAsync(() -> dncLists.add(phone, null, DncSource.OPT_OUT, "pressed " + digit + " during the safe-harbor message of campaign " + campaignId), blocking)
            .exceptionally(failure -> {
              system.log().error("could not put an opted-out number on the DNC list: {}", failure.toString());
              return null;
            });

    CallEntity.init(system, callControl, new ShardedCallListener(system, auditTrail, optOuts), settings.timeScale());
    AgentEntity.init(system, callControl, new ShardedAgentCalls(system), new ShardedAgentListener(system), new ShardedAgentCampaign(system));
    CampaignEntity.init(system, new CampaignDialer.Dependencies(
        leads, gate, new AbandonmentLedger(readModel), auditTrail, blocking, settings.timeScale(), config.getString("autodial.compliance.recordings-dir")));
    callControl.onEvent(new CallEventRouter(system));
    sweepOrphanedReservations(system, leads, blocking);

    TaggedProjections.<CallEntity.Event>init(system, readModel, CallLogHandler.NAME, CallEntity.TAGS, new CallLogHandler(leads, dncLists, new Consents(readModel), auditTrail));
    TaggedProjections.<AgentEntity.Event>init(system, readModel, AgentStateHandler.NAME, AgentEntity.TAGS, new AgentStateHandler(leads));
    TaggedProjections.<CampaignEntity.Event>init(system, readModel, CampaignHandler.NAME, List.of(CampaignEntity.TAG), new CampaignHandler());
    TaggedProjections.<ComplianceAuditEntity.Event>init(
        system, readModel, ComplianceAuditHandler.NAME, ComplianceAuditEntity.TAGS, new ComplianceAuditHandler());
    JdbcComplianceAuditService compliance =
        new JdbcComplianceAuditService(
            readModel, blocking, phoneHasher, new PhoneNumbers(settings.defaultRegion()), auditTrail,
            // an erased contact's number stays unreachable
            Optional.of(phone -> dncLists.add(phone, null, DncSource.ERASURE, "kept when the contact's data was erased")),
            Clock.systemUTC());
    LeadComplianceServiceImpl leadCompliance =
        new LeadComplianceServiceImpl(readModel, leads, gate, new Consents(readModel), companyNumbers, auditTrail, blocking,
            campaignId -> campaignSettings(system, campaignId));

    JwtTokens tokens = new JwtTokens(settings.tokenSecret(), settings.tokenLifetime());
    JdbcUsersService users = new JdbcUsersService(readModel, blocking, tokens);
    boolean adminCreated = users.createIfAbsent(new NewUser(ADMIN, settings.adminPassword(), Role.ADMIN, null, "Administrator")).isPresent();
    long maxUpload = config.getBytes("autodial.leads.max-upload-bytes");
    JdbcLeadsService leadsService =
        new JdbcLeadsService(readModel, new LeadsetFetcher(Duration.ofSeconds(10), Duration.ofSeconds(60), maxUpload), settings.defaultRegion(), blocking, Clock.systemUTC());

    HttpApi.Services services =
        new HttpApi.Services(
            tokens,
            users,
            new ShardedCallsService(system),
            new ShardedCampaignsService(system, readModel, leads, blocking),
            new ShardedAgentsService(system, users),
            leadsService,
            new ShardedAgentGateway(system),
            new DncServiceImpl(dncLists, blocking, Clock.systemUTC()),
            compliance,
            leadCompliance);
    ServerBinding binding =
        new HttpApi(services).bind(system, settings.httpHost(), settings.httpPort(), tls).toCompletableFuture().join();
    if (tls.isPresent()) system.log().info("HTTP API over TLS (https) on {}", binding.localAddress());
    else system.log().info("TLS is off: HTTP API in plain http on {} (set AUTODIAL_TLS_KEYSTORE and AUTODIAL_TLS_KEYSTORE_PASSWORD for https)", binding.localAddress());
    return new AutodialNode(system, callControl, readModel, binding, settings, db, embedded, simulator, adminCreated, services, auditTrail);
  }

  /** The DNC lists, loaded (blocking) before anything dials; their poll stops with the actor system. */
  private static DncLists dncLists(ActorSystem<?> system, HikariDataSource db, AuditTrail audit, Executor blocking) {
    DncLists lists = new DncLists(db, audit, blocking);
    lists.start();
    system.getWhenTerminated().thenRun(lists::close);
    return lists;
  }

  /** A campaign's settings from its entity (the read model may lag a campaign just made). Blocking. */
  private static Optional<io.autodial.node.campaign.CampaignSettings> campaignSettings(ActorSystem<?> system, String campaignId) {
    CampaignEntity.Reply reply = org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(system)
        .entityRefFor(CampaignEntity.ENTITY_KEY, campaignId)
        .<CampaignEntity.Reply>ask(CampaignEntity.Get::new, Duration.ofSeconds(5))
        .toCompletableFuture()
        .join();
    return Optional.ofNullable(reply.campaign()).map(CampaignEntity.CampaignView::settings);
  }

  /** A registry copy older than 31 days (or none) does not block a dial; every decision notes it. */
  private static List<String> registryWarnings(DncLists dnc) {
    String warning = dnc.registryStatus(java.time.Instant.now()).warning();
    return warning == null ? List.of() : List.of(warning);
  }

  /** The company numbers the operator configured (AUTODIAL_COMPANY_NUMBERS) join the caller-ID list. */
  private static void seedCompanyNumbers(Config config, CompanyNumbers numbers) {
    for (String raw : config.getString("autodial.compliance.company-numbers").split(",")) {
      if (!raw.isBlank()) numbers.add(raw.trim(), "from configuration");
    }
  }

  /** Leads a crashed node reserved but never dialed go back to the pool (see LeadRepository). */
  private static void sweepOrphanedReservations(ActorSystem<?> system, LeadRepository leads, Executor blocking) {
    system.scheduler().scheduleWithFixedDelay(
        scala.concurrent.duration.FiniteDuration.create(30, java.util.concurrent.TimeUnit.SECONDS),
        scala.concurrent.duration.FiniteDuration.create(30, java.util.concurrent.TimeUnit.SECONDS),
        () -> {
          int released = leads.releaseStaleReservations(Duration.ofSeconds(60), java.time.Instant.now());
          if (released > 0) system.log().info("released {} lead reservations whose call never started", released);
        },
        scala.concurrent.ExecutionContext.fromExecutor(blocking));
  }

  private static Config withDatabase(Config config, DatabaseSettings db) {
    String prefix = "pekko-persistence-jdbc.shared-databases.slick.db.";
    return config
        .withValue(prefix + "url", ConfigValueFactory.fromAnyRef(db.url()))
        .withValue(prefix + "user", ConfigValueFactory.fromAnyRef(db.user()))
        .withValue(prefix + "password", ConfigValueFactory.fromAnyRef(db.password()));
  }

  public static AutodialNode start() {
    return start(ConfigFactory.load());
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public EslCallControl callControl() {
    return callControl;
  }

  public HikariDataSource readModel() {
    return readModel;
  }

  public InetSocketAddress httpAddress() {
    return http.localAddress();
  }

  /** Whether the API is served over TLS (autodial.http.tls). */
  public boolean https() {
    return TlsSettings.from(system.settings().config()).enabled();
  }

  /** The first admin's password, when this start created that account (else empty). */
  public Optional<String> createdAdminPassword() {
    return adminCreated ? Optional.of(settings.adminPassword()) : Optional.empty();
  }

  /** The services behind the API, for what the node does on its own (the demo). */
  public HttpApi.Services services() {
    return services;
  }

  /** Where compliance decisions are recorded (hashed, persisted, projected to compliance_audit). */
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  public DatabaseSettings database() {
    return database;
  }

  public Optional<FreeSwitchSimulator> simulator() {
    return simulator;
  }

  @Override
  public void close() {
    http.terminate(Duration.ofSeconds(2)).toCompletableFuture().join();
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
    callControl.close();
    readModel.close();
    simulator.ifPresent(FreeSwitchSimulator::close);
    embeddedDatabase.ifPresent(EmbeddedDatabase::close);
  }
}
