package io.sluice.server.statement;

import io.sluice.parser.ast.SqlShow;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.FunctionsList;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.PropertiesList;
import io.sluice.server.entity.QueriesList;
import io.sluice.server.entity.SourceInfo;
import io.sluice.server.entity.StreamsList;
import io.sluice.server.entity.TablesList;
import io.sluice.server.entity.TopicsList;
import io.sluice.server.entity.ViewsList;
import io.sluice.server.results.ResultJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Runs SHOW|LIST STREAMS, TABLES, VIEWS, QUERIES (the persistent queries, then this node's push queries),
 * TOPICS, PROPERTIES and FUNCTIONS.
 */
final class ShowHandler implements StatementHandler<SqlShow> {

  private static final List<FunctionsList.Function> FUNCTIONS = List.of(
      scalar("ABS", "MATHEMATICAL"), scalar("CEIL", "MATHEMATICAL"), scalar("EXP", "MATHEMATICAL"),
      scalar("FLOOR", "MATHEMATICAL"), scalar("LN", "MATHEMATICAL"), scalar("POWER", "MATHEMATICAL"),
      scalar("ROUND", "MATHEMATICAL"), scalar("SIGN", "MATHEMATICAL"), scalar("SQRT", "MATHEMATICAL"),
      scalar("CHAR_LENGTH", "STRING"), scalar("CONCAT", "STRING"), scalar("LCASE", "STRING"),
      scalar("LEN", "STRING"), scalar("LOWER", "STRING"), scalar("POSITION", "STRING"),
      scalar("REPLACE", "STRING"), scalar("SUBSTRING", "STRING"), scalar("TRIM", "STRING"),
      scalar("UCASE", "STRING"), scalar("UPPER", "STRING"), scalar("COALESCE", "CONDITIONAL"),
      scalar("IFNULL", "CONDITIONAL"), scalar("NULLIF", "CONDITIONAL"), scalar("MOD", "MATHEMATICAL"),
      scalar("REGEXP_EXTRACT", "STRING"), scalar("SPLIT_INDEX", "STRING"), scalar("COUNT_CHAR", "STRING"),
      scalar("FORMAT_TIMESTAMP", "DATE / TIME"), scalar("DATE_FORMAT", "DATE / TIME"));

  @Override
  public KsqlEntity execute(SqlShow statement, StatementContext context) {
    Engine engine = context.engine();
    String text = context.text();
    return switch (statement.kind()) {
      case STREAMS -> new StreamsList(text, sources(engine.catalog(), SourceType.STREAM), List.of());
      case TABLES -> new TablesList(text, sources(engine.catalog(), SourceType.TABLE), List.of());
      case VIEWS -> new ViewsList(text, engine.catalog().views().stream()
          .map(v -> new ViewsList.View(v.name(), "VIEW", ResultJson.schemaText(v.schema()),
              v.definition().statementText()))
          .toList(), List.of());
      case QUERIES -> new QueriesList(text, Stream.concat(engine.queries().all().stream()
          .map(q -> Describer.runningQuery(q, engine.catalog().source(q.command().sink())
              .map(SourceDescriptor::topic).orElse(null))), context.pushQueries().get().stream())
          .toList(), List.of());
      case TOPICS -> new TopicsList(text, topics(engine), List.of());
      case PROPERTIES -> new PropertiesList(text, engine.settings().shownProperties().entrySet().stream()
          .map(e -> new PropertiesList.Property(e.getKey(),
              e.getKey().startsWith(SluiceConfig.STREAMS_PREFIX) ? "STREAMS" : "SLUICE", e.getValue()))
          .toList(), List.of());
      case FUNCTIONS -> new FunctionsList(text, FUNCTIONS, List.of());
    };
  }

  private static List<SourceInfo> sources(Catalog catalog, SourceType type) {
    return catalog.list(type).stream().map(e -> Describer.sourceInfo(e.descriptor())).toList();
  }

  private static List<TopicsList.TopicInfo> topics(Engine engine) {
    List<TopicsList.TopicInfo> out = new ArrayList<>();
    for (String name : engine.topics().list(false).stream().sorted().toList()) {
      if (name.startsWith("_")) {
        continue;
      }
      TopicDescription description;
      try {
        description = engine.topics().describe(name);
      } catch (UnknownTopicOrPartitionException deletedMeanwhile) {
        continue;
      }
      out.add(new TopicsList.TopicInfo(name,
          description.partitions().stream().map(p -> p.replicas().size()).toList()));
    }
    return out;
  }

  private static FunctionsList.Function scalar(String name, String category) {
    return new FunctionsList.Function(name, "SCALAR", category);
  }
}
