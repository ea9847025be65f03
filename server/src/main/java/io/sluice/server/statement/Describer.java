package io.sluice.server.statement;

import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SerdeFormat;
import io.sluice.server.entity.RunningQuery;
import io.sluice.server.entity.SourceInfo;
import io.sluice.server.query.PersistentQuery;
import java.util.List;
import java.util.Map;

/** Turns catalog sources and running queries into the shapes SHOW and DESCRIBE answer with. */
final class Describer {

  private Describer() {}

  static SourceInfo sourceInfo(SourceDescriptor source) {
    return new SourceInfo(source.type().name(), source.name(), source.topic(),
        keyFormat(source), source.formats().valueFormat().name(), false);
  }

  /** ksqlDB shows KAFKA for a source with no key columns. */
  static String keyFormat(SourceDescriptor source) {
    SerdeFormat key = source.formats().keyFormat();
    return key == SerdeFormat.NONE ? SerdeFormat.KAFKA.name() : key.name();
  }

  static RunningQuery runningQuery(PersistentQuery query, String sinkTopic) {
    String state = query.state();
    return new RunningQuery(query.command().statementText(), List.of(query.command().sink()),
        sinkTopic == null ? List.of() : List.of(sinkTopic), query.id(), Map.of(state, 1), "PERSISTENT", state);
  }
}
