package io.sluice.jdbc;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;

/**
 * The rows of a result set, fetched from the server frame by frame only when the reader asks for
 * the next row. Avatica's own iterator reads one row ahead, so a push query's row would only show
 * once the row after it had come; here {@code hasNext} waits for exactly the next row, asking the
 * server again after each empty frame (the server holds each fetch for up to a second, so the
 * wait is not a busy loop), and returns false once the server says the results are done.
 */
final class LiveFrames implements Iterable<Object> {

  private final Meta meta;
  private final AvaticaStatement statement;
  private final Meta.Frame firstFrame;
  /** True once the server said the results are done (or they can no longer be fetched). */
  private volatile boolean finished;

  LiveFrames(Meta meta, AvaticaStatement statement, Meta.Frame firstFrame) {
    this.meta = meta;
    this.statement = statement;
    this.firstFrame = firstFrame;
    this.finished = firstFrame == null || firstFrame.done;
  }

  @Override
  public Iterator<Object> iterator() {
    return new Iterator<>() {
      private Meta.Frame frame = firstFrame;
      private Iterator<Object> rows = firstFrame == null ? Collections.emptyIterator() : firstFrame.rows.iterator();
      private long offset = firstFrame == null ? 0 : firstFrame.offset;

      @Override
      public boolean hasNext() {
        while (!rows.hasNext()) {
          if (frame == null || frame.done || meta == null) {
            finished = true;
            return false;
          }
          try {
            frame = meta.fetch(statement.handle, offset, Math.max(1, fetchSize()));
          } catch (NoSuchStatementException | MissingResultsException e) {
            // The statement was closed or cancelled on the server: its results are over.
            frame = null;
            finished = true;
            return false;
          }
          if (frame == null) {
            finished = true;
            return false;
          }
          rows = frame.rows.iterator();
        }
        return true;
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        offset++;
        return rows.next();
      }
    };
  }

  /** True once the server has no more rows to send (then closing the result set needs no word to it). */
  boolean finished() {
    return finished;
  }

  private int fetchSize() {
    try {
      return statement.getFetchSize();
    } catch (java.sql.SQLException e) {
      return AvaticaStatement.DEFAULT_FETCH_SIZE;
    }
  }
}
