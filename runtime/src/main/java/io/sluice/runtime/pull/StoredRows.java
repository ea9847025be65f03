package io.sluice.runtime.pull;

import org.apache.kafka.common.serialization.Serializer;

/** How the entries of one table's state store become the rows a pull query reads. */
interface StoredRows {

  /**
   * The pull query's input row for one store entry, or null if the table holds no row for it.
   * Window bounds are 0 for an unwindowed store.
   */
  Object[] inputRow(Object storeKey, long windowStart, long windowEnd, Object value);

  /** The store key of a row with these key column values, in key order. */
  Object storeKey(Object[] keyValues);

  /** True if {@link #storeKey} gives the key exactly as stored, so that a key can be looked up. */
  boolean canonicalKeys();

  /**
   * True if store keys sort as their single key column's values do within one sign (see
   * {@code KeyCodecs.ordered}), so that a key range is a range of store keys.
   */
  boolean orderedKeys();

  /** Serializes store keys as the topic the store is fed from is keyed, to find a key's partition. */
  Serializer<Object> keySerializer();
}
