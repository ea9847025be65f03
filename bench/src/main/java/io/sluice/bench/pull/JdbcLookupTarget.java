package io.sluice.bench.pull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Key lookups through Sluice's JDBC driver, as an application would do them: one connection per
 * client, one PreparedStatement prepared once, the key bound as a parameter for each lookup.
 */
final class JdbcLookupTarget implements LookupTarget {

  /** The driver's transport for Avatica's own HTTP client, Apache HttpClient, instead of the driver's default. */
  static final String APACHE_HTTP_CLIENT = "io.sluice.jdbc.shaded.avatica.remote.AvaticaCommonsHttpClientImpl";

  private final String name;
  private final String url;
  private final String table;

  /** Lookups through the driver as it comes. */
  static JdbcLookupTarget driver(String baseUrl, String table) {
    return new JdbcLookupTarget("sluice JDBC", baseUrl, table);
  }

  /** Lookups through the driver with Avatica's Apache HttpClient transport, to measure what the driver's own one buys. */
  static JdbcLookupTarget apacheHttpClient(String baseUrl, String table) {
    return new JdbcLookupTarget("sluice JDBC (Apache HC)", baseUrl + "?httpclient_impl=" + APACHE_HTTP_CLIENT, table);
  }

  private JdbcLookupTarget(String name, String url, String table) {
    this.name = name;
    this.url = url;
    this.table = table;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Client open() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    PreparedStatement statement = connection.prepareStatement(PullStatements.preparedLookup(table));
    return new Client() {
      @Override
      public long lookup(long key) throws SQLException {
        statement.setLong(1, key);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return -1;
          }
          long userId = rows.getLong(1);
          long count = rows.getLong(2);
          if (userId != key || rows.next()) {
            throw new SQLException("the lookup of key " + key + " answered another key or several rows");
          }
          return count;
        }
      }

      @Override
      public void close() {
        try {
          statement.close();
          connection.close();
        } catch (SQLException ignored) {
          // the run is over; a failing close does not change its figures
        }
      }
    };
  }
}
