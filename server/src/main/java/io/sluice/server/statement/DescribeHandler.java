package io.sluice.server.statement;

import io.sluice.parser.ast.SqlDescribeSource;
import io.sluice.plan.SourceDescriptor;
import io.sluice.runtime.QueryStats;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.FieldInfo;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.RunningQuery;
import io.sluice.server.entity.SourceDescriptionEntity;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.query.PersistentQuery;
import io.sluice.server.query.StreamsGauges;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Runs DESCRIBE [EXTENDED] x: columns, formats, topic, the queries using x, and (EXTENDED) their
 * counters; for a view, its columns and defining statement, as a source of type VIEW.
 */
final class DescribeHandler implements StatementHandler<SqlDescribeSource> {

  @Override
  public KsqlEntity execute(SqlDescribeSource statement, StatementContext context) {
    Engine engine = context.engine();
    String name = statement.name().getSimple();
    Catalog.ViewEntry view = engine.catalog().viewEntry(name).orElse(null);
    if (view != null) {
      return new SourceDescriptionEntity(context.text(), new SourceDescriptionEntity.SourceDescription(
          name, null, List.of(), List.of(), view.schema().columns().stream().map(FieldInfo::of).toList(), "VIEW", "",
          "", "", statement.extended(), "", "", "", 0, 0, view.definition().statementText(), List.of()), List.of());
    }
    Catalog.Entry entry = engine.catalog().entry(name).orElseThrow(() -> new StatementException(
        "Could not find STREAM/TABLE '" + name + "' in the catalog.", StatementErrorEntity.UNKNOWN_SOURCE));
    SourceDescriptor source = entry.descriptor();
    List<PersistentQuery> readers = engine.queries().readersOf(name);
    List<PersistentQuery> writers = engine.queries().writersOf(name);
    boolean extended = statement.extended();
    int partitions = 0;
    int replication = 0;
    String statistics = "";
    String errorStats = "";
    List<SourceDescriptionEntity.QueryStatistics> queryStatistics = List.of();
    if (extended) {
      TopicDescription topic = engine.topics().exists(source.topic()) ? engine.topics().describe(source.topic()) : null;
      if (topic != null) {
        partitions = topic.partitions().size();
        replication = topic.partitions().get(0).replicas().size();
      }
      queryStatistics = statistics(readers, writers);
      long in = queryStatistics.stream().mapToLong(SourceDescriptionEntity.QueryStatistics::recordsIn).sum();
      long out = queryStatistics.stream().mapToLong(SourceDescriptionEntity.QueryStatistics::recordsOut).sum();
      long errors = queryStatistics.stream().mapToLong(SourceDescriptionEntity.QueryStatistics::errors).sum();
      long late = queryStatistics.stream().mapToLong(SourceDescriptionEntity.QueryStatistics::lateRecordsDropped).sum();
      statistics = "records-in: " + in + ", records-out: " + out + ", late-records-dropped: " + late;
      errorStats = "processing-errors: " + errors;
    }
    return new SourceDescriptionEntity(context.text(), new SourceDescriptionEntity.SourceDescription(
        name, null, running(engine, readers), running(engine, writers),
        source.schema().columns().stream().map(FieldInfo::of).toList(),
        source.type().name(), Objects.toString(source.timestampColumn(), ""), statistics, errorStats, extended,
        Describer.keyFormat(source), source.formats().valueFormat().name(), source.topic(), partitions, replication,
        entry.statementText(), queryStatistics), List.of());
  }

  private static List<RunningQuery> running(Engine engine, List<PersistentQuery> queries) {
    return queries.stream()
        .map(q -> Describer.runningQuery(q, engine.catalog().source(q.command().sink())
            .map(SourceDescriptor::topic).orElse(null)))
        .toList();
  }

  private static List<SourceDescriptionEntity.QueryStatistics> statistics(
      List<PersistentQuery> readers, List<PersistentQuery> writers) {
    List<SourceDescriptionEntity.QueryStatistics> out = new ArrayList<>();
    List<PersistentQuery> all = new ArrayList<>(writers);
    readers.stream().filter(q -> !all.contains(q)).forEach(all::add);
    for (PersistentQuery query : all) {
      QueryStats stats = query.stats();
      out.add(new SourceDescriptionEntity.QueryStatistics(query.id(), query.state(), stats.recordsIn(),
          stats.recordsOut(), stats.errors(), stats.lateRecordsDropped(), query.failure() != null ? query.failure() : stats.lastError(),
          stats.lastErrorTime() == null ? null : stats.lastErrorTime().toString(),
          StreamsGauges.consumerLag(query.streams()), StreamsGauges.stateStoreBytes(query.streams()),
          stats.rowsOutByNode()));
    }
    return out;
  }
}
