package io.sluice.server.statement;

import io.sluice.parser.ast.SqlInsertValues;
import io.sluice.plan.Column;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.planner.query.InsertValuesPlan;
import io.sluice.planner.query.InsertValuesPlanner;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.serde.RowCodec;
import io.sluice.server.entity.KsqlEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs INSERT INTO x [(columns)] VALUES (...): evaluates the constant expressions, serializes each
 * row in x's formats and produces it, waiting for the broker's acknowledgement. It answers with no
 * entity, as ksqlDB does, and is not a command: the records in the topic are its durable effect.
 */
public final class InsertValuesHandler implements StatementHandler<SqlInsertValues>, AutoCloseable {

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final Map<String, Object> producerConfig;
  private KafkaProducer<byte[], byte[]> producer;

  public InsertValuesHandler(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producerConfig = config;
  }

  @Override
  public KsqlEntity execute(SqlInsertValues statement, StatementContext context) {
    InsertValuesPlan plan = new InsertValuesPlanner(context.engine().catalog().snapshot()).plan(statement);
    SourceDescriptor target = plan.target();
    RowCodec codec = RowCodec.of(target.schema(), target.formats());
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (InsertValuesPlan.Row row : plan.rows()) {
      Object[] values = evaluate(row.columns());
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null && isConversionOfAValue(row.columns().get(i))) {
          throw new StatementException("Cannot convert the value given for column "
              + target.schema().column(i).name() + " to " + target.schema().column(i).type().sql());
        }
      }
      Long timestamp = row.rowtime() == null ? null : (Long) evaluate(List.of(row.rowtime()))[0];
      if (timestamp != null && timestamp < 0) {
        throw new StatementException("ROWTIME must not be negative, but is " + timestamp);
      }
      records.add(new ProducerRecord<>(target.topic(), null, timestamp,
          codec.serializeKey(values), codec.serializeValue(values)));
    }
    for (ProducerRecord<byte[], byte[]> record : records) {
      send(record, target);
    }
    return null;
  }

  /**
   * Writes one row, laid out as {@code target}'s schema, to its topic in its formats, waiting for
   * the broker's acknowledgement ({@code POST /inserts-stream} uses this for each row it gets).
   */
  public void insert(SourceDescriptor target, Object[] row) {
    RowCodec codec = RowCodec.of(target.schema(), target.formats());
    send(new ProducerRecord<>(target.topic(), null, null, codec.serializeKey(row), codec.serializeValue(row)), target);
  }

  /** A CAST of a non-null constant: if it yields null, the value did not convert (a string that is no date, say). */
  private static boolean isConversionOfAValue(Expr expr) {
    return expr instanceof Call call && call.op() == Operator.CAST
        && call.operand(0) instanceof Literal literal && !literal.isNull();
  }

  private static Object[] evaluate(List<Expr> expressions) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      columns.add(Column.value("V" + i, expressions.get(i).type()));
    }
    RowProjector projector =
        ExpressionCompiler.compileProjector(expressions, new RowSchema(List.of()), new RowSchema(columns));
    try {
      return projector.apply(new Object[0]);
    } catch (RuntimeException e) {
      throw new StatementException("Cannot evaluate the VALUES: " + e.getMessage());
    }
  }

  private synchronized void send(ProducerRecord<byte[], byte[]> record, SourceDescriptor target) {
    if (producer == null) {
      producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }
    try {
      producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatementException("Interrupted while inserting into " + target.name());
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new StatementException("Failed to insert values into '" + target.name() + "': " + cause.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
