package io.sluice.planner.ddl;

import io.sluice.parser.ast.SqlProperties;
import io.sluice.plan.Column;
import io.sluice.plan.Formats;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The WITH properties of a CREATE ... AS SELECT, settled: the topic (default: the new source's
 * name), its formats (default: the input's), and partitions and replicas (null: the server's
 * default, the input topic's partition count).
 */
public record SinkProperties(String topic, Formats formats, Integer partitions, Integer replicas) {

  public static SinkProperties resolve(
      SqlProperties properties, String sinkName, List<Column> keyColumns, Formats inputFormats, SqlParserPos pos) {
    WithProperties with = WithProperties.of(properties, SourceProperties.CREATE_AS_SELECT, "CREATE ... AS SELECT");
    return new SinkProperties(
        with.string(SourceProperties.KAFKA_TOPIC).orElse(sinkName),
        FormatResolver.resolve(with, keyColumns, inputFormats, pos),
        with.positiveInt(SourceProperties.PARTITIONS).orElse(null),
        with.positiveInt(SourceProperties.REPLICAS, Short.MAX_VALUE).orElse(null));
  }
}
