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

  private final String url;
  private final String table;

  JdbcLookupTarget(String url, String table) {
    this.url = url;
    this.table = table;
  }

  @Override
  public String name() {
    return "sluice JDBC";
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
