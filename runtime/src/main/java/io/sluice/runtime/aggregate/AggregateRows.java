package io.sluice.runtime.aggregate;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.serde.KeyCodec;
import io.sluice.runtime.serde.KeyCodecs;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Window;

/**
 * How an aggregation's store keys and states map to its result rows (the group-by values, each
 * aggregate's result, then WINDOWSTART and WINDOWEND when windowed) and back: the topology's
 * output step and pull queries share it, so both read a group the same way.
 *
 * <p>A store key is the raw source key bytes when the groups are exactly the source's key (see
 * {@link AggregateNode#keyedSource}), otherwise a {@link GroupKey}. A group lies in the partition
 * that {@link #keySerializer}'s bytes hash to: the raw source key's, the repartition topic's
 * {@code GroupKey}'s, or, for an aggregation in place, those of the one group-by column that is the
 * input's record key.
 */
public final class AggregateRows {

  private final KeyCodec sourceKey;
  /** The codec of the input's record key, for an aggregation in place; else null. */
  private final KeyCodec partitionKey;
  private final int partitionKeySlot;
  private final int groups;
  private final String[] aggregateNames;
  private final boolean windowed;
  private final int[] groupSlots;
  private final List<DataType> groupTypes;

  public AggregateRows(AggregateNode node) {
    SourceNode keyed = node.keyedSource();
    this.sourceKey = keyed == null ? null : KeyCodec.of(keyed.schema().keyColumns(), keyed.formats().keyFormat());
    this.groups = node.groupBy().size();
    this.aggregateNames = new String[node.aggregates().size()];
    for (int i = 0; i < aggregateNames.length; i++) {
      aggregateNames[i] = node.schema().column(groups + i).name();
    }
    this.windowed = node.window() != null;
    this.groupSlots = new int[groups];
    for (int i = 0; i < groups; i++) {
      groupSlots[i] = i;
    }
    this.groupTypes = node.groupBy().stream().map(Expr::type).toList();
    this.partitionKeySlot = node.aggregatesInPlace() ? node.inputPartitionKey() : -1;
    this.partitionKey = node.aggregatesInPlace()
        ? KeyCodec.of(List.of(Column.key(node.schema().column(partitionKeySlot).name(), groupTypes.get(partitionKeySlot))),
            SerdeFormat.KAFKA)
        : null;
  }

  /** A result row with the group's key values and window bounds set, its aggregates not yet. */
  public Object[] keyRow(Object storeKey, Window window) {
    return window == null ? keyRow(storeKey, 0, 0) : keyRow(storeKey, window.start(), window.end());
  }

  /** As {@link #keyRow(Object, Window)}, for a window given by its bounds (ignored when not windowed). */
  public Object[] keyRow(Object storeKey, long windowStart, long windowEnd) {
    Object[] row = new Object[groups + aggregateNames.length + (windowed ? 2 : 0)];
    if (sourceKey != null) {
      sourceKey.deserializeInto((byte[]) storeKey, row, groupSlots);
    } else {
      System.arraycopy(((GroupKey) storeKey).values(), 0, row, 0, groups);
    }
    if (windowed) {
      row[groups + aggregateNames.length] = windowStart;
      row[groups + aggregateNames.length + 1] = windowEnd;
    }
    return row;
  }

  /**
   * Sets each aggregate's result in {@code row}.
   *
   * @throws ResultException naming the column whose result cannot be computed
   */
  public void fillResults(Object[] row, AggregateState state) {
    for (int i = 0; i < aggregateNames.length; i++) {
      try {
        row[groups + i] = state.result(i);
      } catch (RuntimeException e) {
        throw new ResultException(aggregateNames[i], e);
      }
    }
  }

  /** The store key of a group, from its group-by values in order. */
  public Object storeKey(Object[] groupValues) {
    return sourceKey != null ? sourceKey.serialize(groupValues) : new GroupKey(groupValues.clone());
  }

  /** Serializes store keys as the topic the aggregation reads is keyed, to find a key's partition. */
  @SuppressWarnings("unchecked")
  public Serializer<Object> keySerializer() {
    if (partitionKey != null) {
      int slot = partitionKeySlot;
      return (topic, key) -> partitionKey.serialize(new Object[] {((GroupKey) key).values()[slot]});
    }
    Serializer<?> serializer = sourceKey != null ? Serdes.ByteArray().serializer() : new GroupKeySerde(groupTypes);
    return (Serializer<Object>) serializer;
  }

  /**
   * True if a store key is the canonical encoding of its values, so that looking a key up by
   * encoding its values finds it: always for {@link GroupKey}s, and for raw source keys in the
   * KAFKA format. A JSON source key is stored as the producer wrote it, spacing and all.
   */
  public boolean canonicalKeys() {
    return sourceKey == null || sourceKey.format() == SerdeFormat.KAFKA;
  }

  /**
   * True if store keys sort as their values do (within one sign, for numbers): a single raw source
   * key column in the KAFKA format of type STRING (UTF-8 sorts by code point), INTEGER or BIGINT
   * (big-endian).
   */
  public boolean orderedKeys() {
    return sourceKey != null && KeyCodecs.ordered(sourceKey);
  }

  /** An aggregate result that cannot be computed (a DECIMAL sum beyond its precision), with its column. */
  public static final class ResultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;

    ResultException(String column, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.column = column;
    }

    public String column() {
      return column;
    }

    /** The failure itself. */
    public RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }
}
