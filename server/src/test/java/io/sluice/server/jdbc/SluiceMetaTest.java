package io.sluice.server.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.Test;

/** The server side of JDBC without HTTP: frames of a push query and results a vanished client left. */
class SluiceMetaTest {

  private final FixedSelectRunner selects = new FixedSelectRunner();
  private final SluiceMeta meta = new SluiceMeta(new Catalog(), null, selects, Duration.ofMillis(200));
  private final Meta.ConnectionHandle connection = new Meta.ConnectionHandle("c1");

  @Test
  void aPushQueryAnswersAtOnceThenFetchesWaitForRowsAndEndWhenClosed() throws Exception {
    meta.openConnection(connection, Map.of("auto.offset.reset", "earliest", "serialization", "protobuf"));
    Meta.StatementHandle statement = meta.createStatement(connection);
    selects.push(RowSchema.of(Column.key("ID", DataType.BIGINT)));
    Meta.ExecuteResult result = meta.prepareAndExecute(statement, "SELECT * FROM S EMIT CHANGES;", -1, -1, null);
    Meta.Frame first = result.resultSets.get(0).firstFrame;
    assertFalse(first.done);
    assertFalse(first.rows.iterator().hasNext());
    assertEquals(Map.of("auto.offset.reset", "earliest"), selects.properties.get(0), "dotted properties pass to the query");

    Meta.Frame empty = meta.fetch(statement, 0, 100);
    assertFalse(empty.done, "an empty frame that is not done means ask again");
    selects.started.get(0).offer(new Object[] {1L});
    selects.started.get(0).offer(new Object[] {2L});
    Meta.Frame two = meta.fetch(statement, 0, 100);
    assertEquals(List.of(List.of(1L), List.of(2L)), two.rows);

    meta.closeStatement(statement);
    assertTrue(selects.started.get(0).isClosed());
  }

  @Test
  void resultsNoClientReadAreEnded() throws Exception {
    meta.openConnection(connection, Map.of());
    Meta.StatementHandle statement = meta.createStatement(connection);
    selects.push(RowSchema.of(Column.key("ID", DataType.BIGINT)));
    meta.prepareAndExecute(statement, "SELECT * FROM S EMIT CHANGES;", -1, -1, null);
    assertEquals(0, meta.closeUnread(Duration.ofMinutes(5)));
    assertFalse(selects.started.get(0).isClosed());
    Poll.until(Duration.ofSeconds(5), () -> meta.closeUnread(Duration.ofMillis(1)) == 1, "unread results are ended");
    assertTrue(selects.started.get(0).isClosed());
  }
}
