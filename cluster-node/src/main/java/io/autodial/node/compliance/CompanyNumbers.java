package io.autodial.node.compliance;

import io.autodial.node.leads.PhoneNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The company's own numbers: the only caller IDs a campaign may present (FCC 64.1601(e): a number
 * the called person can call back with a do-not-call request). Blocking JDBC.
 */
public final class CompanyNumbers {
  private static final PhoneNumbers PHONES = new PhoneNumbers();
  private final DataSource dataSource;

  public CompanyNumbers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The E.164 form of {@code raw}; 400-worthy message when it is not a valid number. */
  public static String e164(String raw) {
    if (raw == null || !raw.trim().startsWith("+"))
      throw new IllegalArgumentException("number must be in E.164 form, such as +15551234567");
    try {
      return PHONES.toE164(raw);
    } catch (PhoneNumbers.InvalidPhoneNumber e) {
      throw new IllegalArgumentException("number '" + raw + "' " + e.getMessage());
    }
  }

  public Map<String, String> list() {
    Map<String, String> numbers = new LinkedHashMap<>();
    query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT number, label FROM company_numbers ORDER BY number"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) numbers.put(rs.getString(1), rs.getString(2));
      }
      return null;
    });
    return numbers;
  }

  public String add(String raw, String label) {
    String number = e164(raw);
    query(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO company_numbers (number, label) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET label = COALESCE(EXCLUDED.label, company_numbers.label)")) {
        ps.setString(1, number);
        ps.setString(2, label);
        ps.executeUpdate();
      }
      return null;
    });
    return number;
  }

  public boolean remove(String raw) {
    return query(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM company_numbers WHERE number = ?")) {
        ps.setString(1, raw.trim());
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** A campaign's caller ID must be one of the company's numbers: else a message that says so. */
  public void requireOwned(String callerId) {
    String number = e164(callerId);
    boolean owned = query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM company_numbers WHERE number = ?")) {
        ps.setString(1, number);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
    if (!owned)
      throw new IllegalArgumentException("callerId " + number + " is not one of the company's numbers; add it first (POST /api/company-numbers)");
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("company numbers: " + e.getMessage(), e);
    }
  }
}
