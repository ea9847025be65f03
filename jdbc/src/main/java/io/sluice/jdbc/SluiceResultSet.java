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
 * show as they come), and whose cancel (called by {@code Statement.cancel()}) or early close also
 * stops the query on the server, so that a reader blocked in {@code next()} returns.
 */
final class SluiceResultSet extends AvaticaResultSet {

  SluiceResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  /** Reads rows through {@link LiveFrames} instead of Avatica's read-ahead iterator. */
  private LiveFrames frames;

  @Override
  protected AvaticaResultSet execute() throws SQLException {
    frames = new LiveFrames(SluiceConnection.remoteMeta(statement.connection), statement, firstFrame);
    cursor = MetaImpl.createCursor(signature.cursorFactory, frames);
    accessorList = cursor.createAccessors(columnMetaDataList, localCalendar, this);
    return this;
  }

  /** Closing a result set before its end (a push query, say) stops its query on the server. */
  @Override
  public void close() {
    boolean live = !isClosedQuietly() && frames != null && !frames.finished();
    super.close();
    if (live) {
      SluiceDriver.stopOnServer(statement);
    }
  }

  private boolean isClosedQuietly() {
    try {
      return isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  @Override
  protected void cancel() {
    super.cancel();
    SluiceDriver.stopOnServer(statement);
  }
}
