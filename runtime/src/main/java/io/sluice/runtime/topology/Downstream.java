package io.sluice.runtime.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The topology nodes that consume a step's rows. Steps forward rows to these by name, because every
 * step also has its processing log sink as a child, which must not receive rows. The names are
 * those of whatever the DSL put after the step, so they are filled in from the finished topology,
 * before any processor runs.
 */
final class Downstream {

  private String[] names = new String[0];

  void resolve(List<String> consumers) {
    names = consumers.toArray(String[]::new);
  }

  <K, V> void forward(ProcessorContext<K, V> context, Record<K, V> record) {
    for (String name : names) {
      context.forward(record, name);
    }
  }

  <K, V> void forward(FixedKeyProcessorContext<K, V> context, FixedKeyRecord<K, V> record) {
    for (String name : names) {
      context.forward(record, name);
    }
  }
}
