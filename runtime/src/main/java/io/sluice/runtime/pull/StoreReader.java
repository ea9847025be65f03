package io.sluice.runtime.pull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlySessionStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One state store of a running Kafka Streams instance (key-value, window or session), read through
 * Kafka Streams' first interactive query API (IQv1): in Kafka Streams 4.3 an IQv2 query can deadlock
 * with the stream thread's writes (see {@link #get}).
 * A key's reads go to the key's partition alone, found as Kafka Streams partitions the topic the
 * store is fed from; scans go to every local partition. With a {@link ReadScope} only the scope's
 * partitions are read, from active stores unless the scope allows standbys, and keys of other
 * partitions are skipped. Values come as the store holds them (a timestamped store's timestamps are
 * dropped).
 */
final class StoreReader {

  /** Takes each entry read; returns false to stop reading. Unwindowed entries have window bounds 0. */
  interface Sink {
    boolean accept(Object key, long windowStart, long windowEnd, Object value);
  }

  private static final QueryableStoreType<ReadOnlyKeyValueStore<Object, Object>> KEY_VALUE =
      QueryableStoreTypes.keyValueStore();
  private static final QueryableStoreType<ReadOnlyWindowStore<Object, Object>> WINDOWS =
      QueryableStoreTypes.windowStore();
  private static final QueryableStoreType<ReadOnlySessionStore<Object, Object>> SESSIONS =
      QueryableStoreTypes.sessionStore();

  private final KafkaStreams streams;
  private final String store;
  private final Serializer<Object> keySerializer;
  private final ReadScope scope;

  /** @param scope the partitions to read, or null for every local one */
  StoreReader(KafkaStreams streams, String store, Serializer<Object> keySerializer, ReadScope scope) {
    this.streams = streams;
    this.store = store;
    this.keySerializer = keySerializer;
    this.scope = scope;
  }

  /**
   * The value of {@code key} in a key-value store. Read through IQv1, not IQv2's KeyQuery: in Kafka
   * Streams 4.3 an IQv2 query takes the store's position lock and then the store's own lock, while
   * the stream thread's put takes them the other way round, so a lookup concurrent with an update
   * can deadlock both for good (KAFKA-19629, fixed after 4.3.2). An IQv1 get takes the store lock only.
   */
  boolean get(Object key, Sink sink) {
    Integer partition = partitionOf(key);
    if (outOfScope(partition)) {
      return true;
    }
    // One store: the key's partition, or all local partitions as one when the partition is unknown.
    ReadOnlyKeyValueStore<Object, Object> partitionStore = stores(KEY_VALUE, partition).get(0);
    Object value = read(() -> partitionStore.get(key));
    return value == null || sink.accept(key, 0, 0, unwrap(value));
  }

  /** Every entry of a key-value store. */
  boolean scan(Sink sink) {
    return range(null, null, sink);
  }

  private static boolean drain(KeyValueIterator<?, ?> entries, Sink sink) {
    try (entries) {
      while (entries.hasNext()) {
        KeyValue<?, ?> entry = entries.next();
        if (!sink.accept(entry.key, 0, 0, unwrap(entry.value))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The entries of a key-value store from {@code from} to {@code to}, both included; a null bound
   * is open.
   */
  boolean range(Object from, Object to, Sink sink) {
    for (ReadOnlyKeyValueStore<Object, Object> partitionStore : stores(KEY_VALUE, null)) {
      KeyValueIterator<Object, Object> entries =
          read(() -> from == null && to == null ? partitionStore.all() : partitionStore.range(from, to));
      if (!drain(entries, sink)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The stores to read, of {@code type}: {@code partition}'s alone if known, else the scope's
   * partitions one by one, else every local active partition as one.
   */
  private <S> List<S> stores(QueryableStoreType<S> type, Integer partition) {
    StoreQueryParameters<S> parameters = StoreQueryParameters.fromNameAndType(store, type);
    if (scope != null && scope.standbyAllowed()) {
      parameters = parameters.enableStaleStores();
    }
    try {
      if (partition != null) {
        return List.of(streams.store(parameters.withPartition(partition)));
      }
      if (scope == null) {
        return List.of(streams.store(parameters));
      }
      List<S> stores = new ArrayList<>();
      for (int each : scope.partitions().stream().sorted().toList()) {
        stores.add(streams.store(parameters.withPartition(each)));
      }
      return stores;
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  /** The windows of {@code key} in a window store that start from {@code from} to {@code to}; window ends are 0. */
  boolean windows(Object key, Instant from, Instant to, Sink sink) {
    Integer partition = partitionOf(key);
    if (outOfScope(partition)) {
      return true;
    }
    for (ReadOnlyWindowStore<Object, Object> partitionStore : stores(WINDOWS, partition)) {
      try (WindowStoreIterator<Object> windows = read(() -> partitionStore.fetch(key, from, to))) {
        while (windows.hasNext()) {
          KeyValue<Long, Object> window = windows.next();
          if (!sink.accept(key, window.key, 0, unwrap(window.value))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Every window of a window store that starts from {@code from} to {@code to}. */
  boolean windowScan(Instant from, Instant to, Sink sink) {
    for (ReadOnlyWindowStore<Object, Object> partitionStore : stores(WINDOWS, null)) {
      if (!drainWindowed(read(() -> partitionStore.fetchAll(from, to)), sink)) {
        return false;
      }
    }
    return true;
  }

  /** Every session of {@code key} in a session store. */
  boolean sessions(Object key, Sink sink) {
    Integer partition = partitionOf(key);
    if (outOfScope(partition)) {
      return true;
    }
    for (ReadOnlySessionStore<Object, Object> partitionStore : stores(SESSIONS, partition)) {
      if (!drainWindowed(read(() -> partitionStore.fetch(key)), sink)) {
        return false;
      }
    }
    return true;
  }

  private static boolean drainWindowed(KeyValueIterator<Windowed<Object>, Object> entries, Sink sink) {
    try (entries) {
      while (entries.hasNext()) {
        KeyValue<Windowed<Object>, Object> entry = entries.next();
        Windowed<Object> windowed = entry.key;
        if (!sink.accept(windowed.key(), windowed.window().start(), windowed.window().end(), unwrap(entry.value))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The partition {@code key} lives in, or null when Kafka Streams cannot tell (then every partition is asked). */
  private Integer partitionOf(Object key) {
    try {
      KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, keySerializer);
      return metadata == null || metadata.partition() < 0 ? null : metadata.partition();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** True if a scope is set and the key's partition (null: unknown) is not in it: another node reads that key. */
  private boolean outOfScope(Integer partition) {
    return scope != null && (partition == null || !scope.partitions().contains(partition));
  }

  /** Opens a store read; a store that went away meanwhile (a rebalance) is a {@link StoreUnavailableException}. */
  private <T> T read(Supplier<T> opening) {
    try {
      return opening.get();
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private StoreUnavailableException unavailable(InvalidStateStoreException e) {
    return new StoreUnavailableException("store " + store + " cannot answer now: " + e.getMessage());
  }

  private static Object unwrap(Object value) {
    return value instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : value;
  }
}
