package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Avatica's JDBC object factory with Sluice's result sets, whose cancel stops the query on the
 * server, and connections that report the {@code jdbc:sluice:} URL they were opened with.
 */
final class SluiceFactory implements AvaticaFactory {

  /** The connection property carrying the URL the application gave. */
  static final String ORIGINAL_URL = "sluice.jdbc.url";

  private final AvaticaFactory avatica;

  SluiceFactory(AvaticaFactory avatica) {
    this.avatica = avatica;
  }

  @Override
  public int getJdbcMajorVersion() {
    return avatica.getJdbcMajorVersion();
  }

  @Override
  public int getJdbcMinorVersion() {
    return avatica.getJdbcMinorVersion();
  }

  @Override
  public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info)
      throws SQLException {
    String original = info.getProperty(ORIGINAL_URL, url);
    Properties rest = new Properties();
    info.stringPropertyNames().stream().filter(key -> !key.equals(ORIGINAL_URL))
        .forEach(key -> rest.setProperty(key, info.getProperty(key)));
    return new SluiceConnection(driver, factory, original, rest);
  }

  @Override
  public AvaticaStatement newStatement(
      AvaticaConnection connection, Meta.StatementHandle h, int type, int concurrency, int holdability)
      throws SQLException {
    return avatica.newStatement(connection, h, type, concurrency, holdability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int type, int concurrency, int holdability) throws SQLException {
    return avatica.newPreparedStatement(connection, h, signature, type, concurrency, holdability);
  }

  @Override
  public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    ResultSetMetaData metaData = avatica.newResultSetMetaData(statement, signature);
    return new SluiceResultSet(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return avatica.newDatabaseMetaData(connection);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature)
      throws SQLException {
    return avatica.newResultSetMetaData(statement, signature);
  }
}
