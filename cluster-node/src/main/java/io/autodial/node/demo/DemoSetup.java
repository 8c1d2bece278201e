package io.autodial.node.demo;

import io.autodial.http.HttpApi;
import io.autodial.http.agents.NewAgent;
import io.autodial.http.campaigns.CampaignDto;
import io.autodial.http.campaigns.CampaignRequest;
import io.autodial.http.campaigns.ComplianceSettingsDto;
import io.autodial.http.compliance.LeadComplianceService;
import io.autodial.http.leads.ColumnMappingRequest;
import io.autodial.http.leads.LeadsetRequest;
import io.autodial.http.leads.LeadsetView;
import io.autodial.http.leads.UploadOptions;
import io.autodial.http.users.UserUpdate;
import io.autodial.http.users.UserView;
import io.autodial.node.config.NodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The demo a new user sees from the run command: one campaign dialing 200 demo leads through the
 * simulator, five agent accounts to log in with, and robot accounts for robot agents. Made through
 * the same services the API uses, as an admin would; safe to run on every start (it reuses what a
 * previous start made and gives the demo accounts fresh passwords, printed once).
 */
public final class DemoSetup {
  public static final String CAMPAIGN = "Demo campaign";
  private static final String LEADSET = "Demo leads";
  private static final int LEADS = 200;

  /** A login of a demo account. */
  public record Account(String username, String password) {}

  public record Demo(String campaignId, List<Account> agents, List<Account> robots) {}

  private final HttpApi.Services services;

  public DemoSetup(HttpApi.Services services) {
    this.services = services;
  }

  public Demo ensure(int humanAgents, int robots) {
    long leadsetId = leadset();
    List<Account> agents = accounts("agent", humanAgents);
    List<Account> robotAccounts = accounts("robot", robots);
    List<String> agentIds = new ArrayList<>();
    agents.forEach(a -> agentIds.add(a.username()));
    robotAccounts.forEach(a -> agentIds.add(a.username()));
    String campaignId = campaign(leadsetId);
    services.campaigns().assignAgents(campaignId, agentIds).toCompletableFuture().join();
    services.campaigns().changeStatus(campaignId, "start").toCompletableFuture().join();
    return new Demo(campaignId, agents, robotAccounts);
  }

  private long leadset() {
    Optional<LeadsetView> existing =
        services.leads().listLeadsets().toCompletableFuture().join().stream().filter(l -> l.name().equals(LEADSET)).findFirst();
    if (existing.isPresent()) return existing.get().id();
    LeadsetView created = services.leads().createLeadset(new LeadsetRequest(LEADSET, "Made up people on the simulator's numbers")).toCompletableFuture().join();
    services.leads()
        .uploadCsv(created.id(), demoCsv(), new UploadOptions(new ColumnMappingRequest("phone", "status", "first_name", "last_name", "email", "company", null, null, true), 1, true, "US"))
        .toCompletableFuture()
        .join();
    return created.id();
  }

  private String campaign(long leadsetId) {
    Optional<CampaignDto> existing =
        services.campaigns().list().toCompletableFuture().join().stream().filter(c -> c.name().equals(CAMPAIGN)).findFirst();
    if (existing.isPresent()) return existing.get().id();
    // the demo company's own number, presented as the caller ID
    services.leadCompliance().addCompanyNumber(new LeadComplianceService.CompanyNumberView("+12125550100", "demo company line")).toCompletableFuture().join();
    return services.campaigns()
        .create(new CampaignRequest(CAMPAIGN, "+12125550100", 1.5, 50, 20, List.of(),
            "Hello {{first_name}}, this is Autodial calling for {{company}}. Do you have a minute?", null, List.of(leadsetId),
            // the demo shows predictive pacing: progressive until it has measured the floor
            "PREDICTIVE", null, null, null, null, null, null, null, null, null,
            // the demo's simulated leads may be called at any hour, so it shows dialing whenever it
            // runs; a real campaign keeps the default 08:00-21:00 in each lead's local time
            new ComplianceSettingsDto(null, null, "00:00", "24:00", 50, 100, null, null, null, null, null, null, null, null, null, null)))
        .toCompletableFuture()
        .join()
        .id();
  }

  /** Accounts {@code prefix1..n}, created or given a new password. */
  private List<Account> accounts(String prefix, int n) {
    List<UserView> users = services.users().list().toCompletableFuture().join();
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String username = prefix + i;
      String password = NodeSettings.randomSecret().substring(0, 12);
      Optional<UserView> user = users.stream().filter(u -> u.username().equals(username)).findFirst();
      if (user.isPresent()) services.users().update(user.get().id(), new UserUpdate(null, password)).toCompletableFuture().join();
      else services.agents().create(new NewAgent(username, password, null, username, null)).toCompletableFuture().join();
      accounts.add(new Account(username, password));
    }
    return accounts;
  }

  private static String demoCsv() {
    String[] first = {"Ada", "Ben", "Cleo", "Dev", "Eve", "Finn", "Gia", "Hugo", "Ines", "Jon"};
    String[] last = {"Lovelace", "Okafor", "Nguyen", "Patel", "Garcia", "Kowalski", "Rossi", "Silva", "Tanaka", "Berg"};
    String[] company = {"Acme", "Globex", "Initech", "Umbrella", "Hooli"};
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("phone,status,first_name,last_name,email,company\n");
    for (int i = 0; i < LEADS; i++) {
      String f = first[random.nextInt(first.length)];
      String l = last[random.nextInt(last.length)];
      // 555-01xx numbers are reserved for fiction; the simulator answers them all the same
      csv.append(String.format("+1212555%04d,NEW,%s,%s,%s.%s@example.com,%s%n", 100 + i, f, l, f.toLowerCase(), l.toLowerCase(), company[i % company.length]));
    }
    return csv.toString();
  }
}
