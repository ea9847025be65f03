package io.sluice.planner.query;

import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Refuses a query that would write into a topic it reads, which would feed its output back forever. */
final class SinkTopicCheck {

  private SinkTopicCheck() {}

  static void refuseLoop(CatalogView catalog, List<String> sourcesRead, String sinkTopic, SqlNode statement) {
    for (String name : sourcesRead) {
      SourceDescriptor source = catalog.source(name).orElseThrow();
      if (source.topic().equals(sinkTopic)) {
        throw new PlanningException("The query would write to topic '" + sinkTopic + "', which it reads through "
            + name + "; write to another topic", statement.getParserPosition());
      }
    }
  }
}
