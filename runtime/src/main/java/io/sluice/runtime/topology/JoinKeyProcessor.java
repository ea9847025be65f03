package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Re-keys a join side's rows by their join key, serialized as the join's key format says, ahead of
 * the side's repartition topic. A row whose join key is null joins nothing and is dropped (as in
 * ksqlDB, even on the kept side of an outer join); one whose key cannot be computed goes to the
 * processing log.
 */
final class JoinKeyProcessor implements Processor<Object, Object, Object, Object> {

  private final JoinKeys keys;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Object, Object> context;

  JoinKeyProcessor(JoinKeys keys, Downstream downstream, ProcessingLogger logger) {
    this.keys = keys;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Object, Object> record) {
    byte[] key = keys.ofOrLog(record, context, logger);
    if (key != null) {
      downstream.forward(context, record.withKey(key));
    }
  }
}
