package io.sluice.server.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A JDBC application as a new user writes it, run by {@link ShadedDriverJarTest} in its own JVM
 * with only the driver jar beside it: it creates a stream, finds it in the metadata and runs a
 * SELECT and a PreparedStatement, printing what it saw. It uses nothing but {@code java.sql}.
 */
public final class ShadedDriverClient {

  private ShadedDriverClient() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String stream = args[1];
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM " + stream + " (id BIGINT KEY, name STRING) WITH (KAFKA_TOPIC='"
          + stream.toLowerCase() + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      try (ResultSet tables = connection.getMetaData().getTables(null, null, stream, null)) {
        while (tables.next()) {
          System.out.println("table " + tables.getString("TABLE_NAME") + " " + tables.getString("TABLE_TYPE"));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT * FROM " + stream + ";")) {
        while (rows.next()) {
          System.out.println("row " + rows.getLong(1) + " " + rows.getString(2));
        }
      }
      try (PreparedStatement prepared = connection.prepareStatement("SELECT * FROM " + stream + " WHERE ID = ?;")) {
        prepared.setLong(1, 7L);
        try (ResultSet rows = prepared.executeQuery()) {
          while (rows.next()) {
            System.out.println("prepared " + rows.getLong(1) + " " + rows.getString(2));
          }
        }
      }
    }
    System.out.println("driver " + DriverManager.getDriver(url).getClass().getName());
    try {
      DriverManager.getDriver("jdbc:avatica:remote:url=http://localhost:1");
      System.out.println("an Avatica driver is registered");
    } catch (java.sql.SQLException e) {
      System.out.println("no Avatica driver");
    }
  }
}
