package io.autodial.node.support;

import static io.autodial.node.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** What the end-to-end tests of dialing modes set up over the API: leads, campaigns, agents. */
public final class Campaigns {
  private Campaigns() {}

  /** A leadset of {@code n} new leads with numbers {@code +1<area>555nnnn}; returns its id. */
  public static long leadset(ApiClient admin, String name, String area, int n) {
    long id = ok(admin.post("/api/leadsets", Map.of("name", name))).get("id").asLong();
    StringBuilder csv = new StringBuilder("phone,status,first_name\n");
    for (int i = 1; i <= n; i++) csv.append(String.format("+1%s555%04d,NEW,Person%d%n", area, i, i));
    ObjectNode upload = ApiClient.JSON.createObjectNode().put("csv", csv.toString());
    upload.set("mapping", ApiClient.JSON.valueToTree(Map.of("phone", "phone", "status", "status", "firstName", "first_name")));
    ok(admin.post("/api/leadsets/" + id + "/uploads", upload));
    return id;
  }

  /**
   * Compliance settings for tests of dialing itself: the simulated leads may be called at any
   * hour, so a test's outcome does not depend on the time of day it runs.
   */
  public static final Map<String, Object> ALL_DAY = Map.of("callingStart", "00:00", "callingEnd", "24:00");

  /** A campaign over {@code leadsetId} with {@code fields} on top of sensible defaults; returns its id. */
  public static String campaign(ApiClient admin, String name, long leadsetId, Map<String, Object> fields) {
    ObjectNode c = ApiClient.JSON.createObjectNode()
        .put("name", name).put("callerId", "+12125550000").put("maxConcurrentCalls", 20).put("ringTimeoutSeconds", 15)
        .put("script", "Hi {{first_name}}");
    c.set("leadsetIds", ApiClient.JSON.valueToTree(List.of(leadsetId)));
    c.set("compliance", ApiClient.JSON.valueToTree(ALL_DAY));
    fields.forEach((k, v) -> c.set(k, ApiClient.JSON.valueToTree(v)));
    return ok(admin.post("/api/campaigns", c)).get("id").asText();
  }

  /**
   * Gives the campaign a long clean history (live answers yesterday, none abandoned) before it
   * starts, so the few calls a test abandons do not move its 30-day abandonment rate: tests of
   * dialing modes are not tests of the abandonment limit (ComplianceE2ETest is).
   */
  public static void cleanHistory(DataSource db, String campaignId) {
    try (Connection c = db.getConnection()) {
      cleanHistory(c, campaignId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void cleanHistory(Connection c, String campaignId) {
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.executeUpdate("INSERT INTO campaign_abandonment_hours (campaign_id, hour, live) VALUES ('" + campaignId
          + "', date_trunc('hour', now() - interval '1 day'), 100000)");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void agent(ApiClient admin, String username, String campaignId) {
    ok(admin.post("/api/agents", Map.of("username", username, "password", password(username), "campaignId", campaignId)));
  }

  public static String password(String username) {
    return "pw-" + username + "-0123456789";
  }

  /** Polls the campaign's stats until {@code done} holds. */
  public static JsonNode awaitStats(ApiClient admin, String campaignId, Predicate<JsonNode> done, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    JsonNode stats = null;
    while (System.nanoTime() < deadline) {
      stats = ok(admin.get("/api/campaigns/" + campaignId + "/stats"));
      if (done.test(stats)) return stats;
      sleep(200);
    }
    throw new AssertionError("the campaign's stats did not get there; last " + stats);
  }

  /** Polls {@code sql} (one number) until it reaches {@code expected}. */
  public static void awaitCount(DataSource db, String sql, long expected, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      last = count(db, sql);
      if (last == expected) return;
      sleep(200);
    }
    throw new AssertionError(sql + " is " + last + ", expected " + expected);
  }

  public static long count(DataSource db, String sql) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long n = rs.getLong(1);
      c.rollback();
      return n;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new RuntimeException(e);
    }
  }
}
