package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * Avatica's result set whose cancel (called by {@code Statement.cancel()}) also stops the query on
 * the server, so that a reader blocked in {@code next()} on a push query returns.
 */
final class SluiceResultSet extends AvaticaResultSet {

  SluiceResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override
  protected void cancel() {
    super.cancel();
    SluiceDriver.stopOnServer(statement);
  }
}
