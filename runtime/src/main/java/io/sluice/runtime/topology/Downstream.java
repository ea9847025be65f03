package io.sluice.runtime.topology;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The topology nodes that consume a step's rows. Steps forward rows to these by name, because every
 * step also has its processing log sink as a child, which must not receive rows. The names are
 * those of whatever the DSL put after the step, so they are filled in from the finished topology,
 * before any processor runs. The step that passes on a plan node's rows counts them for the node.
 */
final class Downstream {

  private final LongAdder rowsOut;
  private String[] names = new String[0];

  Downstream() {
    this(null);
  }

  /** Consumers of a node's output step, counting each row passed on in {@code rowsOut}. */
  Downstream(LongAdder rowsOut) {
    this.rowsOut = rowsOut;
  }

  void resolve(List<String> consumers) {
    names = consumers.toArray(String[]::new);
  }

  <K, V> void forward(ProcessorContext<K, V> context, Record<K, V> record) {
    count();
    for (String name : names) {
      context.forward(record, name);
    }
  }

  <K, V> void forward(FixedKeyProcessorContext<K, V> context, FixedKeyRecord<K, V> record) {
    count();
    for (String name : names) {
      context.forward(record, name);
    }
  }

  /** Counts a row as passed on without forwarding it: one that every consumer would drop. */
  void countDropped() {
    count();
  }

  private void count() {
    if (rowsOut != null) {
      rowsOut.increment();
    }
  }
}
