package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;

/**
 * Avatica's result set whose {@code next()} waits for exactly the next row (so a push query's rows
 * show as they come) and whose cancel (called by {@code Statement.cancel()}) also stops the query
 * on the server, so that a reader blocked in {@code next()} returns.
 */
final class SluiceResultSet extends AvaticaResultSet {

  SluiceResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  /** Reads rows through {@link LiveFrames} instead of Avatica's read-ahead iterator. */
  @Override
  protected AvaticaResultSet execute() throws SQLException {
    cursor = MetaImpl.createCursor(signature.cursorFactory,
        new LiveFrames(SluiceConnection.remoteMeta(statement.connection), statement, firstFrame));
    accessorList = cursor.createAccessors(columnMetaDataList, localCalendar, this);
    return this;
  }

  @Override
  protected void cancel() {
    super.cancel();
    SluiceDriver.stopOnServer(statement);
  }
}
