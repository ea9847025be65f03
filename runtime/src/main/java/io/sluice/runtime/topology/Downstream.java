package io.sluice.runtime.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The processors that consume a step's rows. Steps forward rows to these by name, because every
 * step also has its processing log sink as a child, which must not receive rows.
 */
final class Downstream {

  private final String[] names;

  Downstream(List<String> names) {
    this.names = names.toArray(String[]::new);
  }

  <K, V> void forward(ProcessorContext<K, V> context, Record<K, V> record) {
    for (String name : names) {
      context.forward(record, name);
    }
  }
}
