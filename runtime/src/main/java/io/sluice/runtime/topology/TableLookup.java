package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.ProcessingContext;

/** How a join sees a table side: its current row for a join key, in a state store. */
interface TableLookup {

  /** The store the rows are in, which the looking-up processor must be connected to. */
  String storeName();

  /** Opens the store; called from the looking-up processor's init. */
  void init(ProcessingContext context);

  /** The row for the serialized join {@code key}, or null when there is none (or it does not count). */
  Object[] get(byte[] key);

  /** Why the latest {@link #get} found no row although the store holds a record for the key, or null. */
  default String failure() {
    return null;
  }
}
