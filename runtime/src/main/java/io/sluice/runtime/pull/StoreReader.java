package io.sluice.runtime.pull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One state store of a running Kafka Streams instance, read through interactive queries: IQv1 for
 * key-value stores (IQv2 can deadlock with the stream thread there), IQv2 for window and session stores.
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
    StoreQueryParameters<ReadOnlyKeyValueStore<Object, Object>> parameters =
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore());
    if (partition != null) {
      parameters = parameters.withPartition(partition);
    }
    if (scope != null && scope.standbyAllowed()) {
      parameters = parameters.enableStaleStores();
    }
    Object value;
    try {
      value = streams.store(parameters).get(key);
    } catch (InvalidStateStoreException e) {
      throw new StoreUnavailableException("store " + store + " cannot answer now: " + e.getMessage());
    }
    return value == null || sink.accept(key, 0, 0, unwrap(value));
  }

  /** Every entry of a key-value store. */
  boolean scan(Sink sink) {
    return range(null, null, sink);
  }

  /**
   * Drains each partition's iterator in turn; once one asks to stop, closes the others unread.
   * Returns false if reading stopped early.
   */
  private static boolean drainAll(List<Object> results, Predicate<Object> drain) {
    for (int i = 0; i < results.size(); i++) {
      if (!drain.test(results.get(i))) {
        for (int j = i + 1; j < results.size(); j++) {
          if (results.get(j) instanceof AutoCloseable closeable) {
            closeQuietly(closeable);
          }
        }
        return false;
      }
    }
    return true;
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
   * is open. Read through IQv1 for the same reason as {@link #get}: an IQv2 range query can
   * deadlock with the stream thread's writes.
   */
  boolean range(Object from, Object to, Sink sink) {
    for (ReadOnlyKeyValueStore<Object, Object> partitionStore : keyValueStores()) {
      KeyValueIterator<Object, Object> entries;
      try {
        entries = from == null && to == null ? partitionStore.all() : partitionStore.range(from, to);
      } catch (InvalidStateStoreException e) {
        throw new StoreUnavailableException("store " + store + " cannot answer now: " + e.getMessage());
      }
      if (!drain(entries, sink)) {
        return false;
      }
    }
    return true;
  }

  /** The key-value stores to read: the scope's partitions one by one, or every local active partition as one. */
  private List<ReadOnlyKeyValueStore<Object, Object>> keyValueStores() {
    StoreQueryParameters<ReadOnlyKeyValueStore<Object, Object>> parameters =
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore());
    try {
      if (scope == null) {
        return List.of(streams.store(parameters));
      }
      if (scope.standbyAllowed()) {
        parameters = parameters.enableStaleStores();
      }
      List<ReadOnlyKeyValueStore<Object, Object>> stores = new ArrayList<>();
      for (int partition : scope.partitions().stream().sorted().toList()) {
        stores.add(streams.store(parameters.withPartition(partition)));
      }
      return stores;
    } catch (InvalidStateStoreException e) {
      throw new StoreUnavailableException("store " + store + " cannot answer now: " + e.getMessage());
    }
  }

  /** The windows of {@code key} in a window store that start from {@code from} to {@code to}; window ends are 0. */
  boolean windows(Object key, Instant from, Instant to, Sink sink) {
    Integer partition = partitionOf(key);
    if (outOfScope(partition)) {
      return true;
    }
    return drainAll(results(WindowKeyQuery.withKeyAndWindowStartRange(key, from, to), partition), result -> {
      try (WindowStoreIterator<?> windows = (WindowStoreIterator<?>) result) {
        while (windows.hasNext()) {
          KeyValue<Long, ?> window = windows.next();
          if (!sink.accept(key, window.key, 0, unwrap(window.value))) {
            return false;
          }
        }
      }
      return true;
    });
  }

  /** Every window of a window store that starts from {@code from} to {@code to}. */
  boolean windowScan(Instant from, Instant to, Sink sink) {
    return drainAll(results(WindowRangeQuery.withWindowStartRange(from, to), null), result -> drainWindowed(result, sink));
  }

  /** Every session of {@code key} in a session store. */
  boolean sessions(Object key, Sink sink) {
    Integer partition = partitionOf(key);
    if (outOfScope(partition)) {
      return true;
    }
    return drainAll(results(WindowRangeQuery.withKey(key), partition), result -> drainWindowed(result, sink));
  }

  private static boolean drainWindowed(Object result, Sink sink) {
    try (KeyValueIterator<?, ?> entries = (KeyValueIterator<?, ?>) result) {
      while (entries.hasNext()) {
        KeyValue<?, ?> entry = entries.next();
        Windowed<?> windowed = (Windowed<?>) entry.key;
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

  /**
   * Each partition's result of {@code query}, on {@code partition} alone, or on the scope's
   * partitions, or on every local partition.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Object> results(Query<?> query, Integer partition) {
    StateQueryRequest<?> request = StateQueryRequest.inStore(store).withQuery((Query) query);
    if (partition != null) {
      request = request.withPartitions(Set.of(partition));
    } else if (scope != null) {
      if (scope.partitions().isEmpty()) {
        return List.of();
      }
      request = request.withPartitions(scope.partitions());
    }
    if (scope != null && !scope.standbyAllowed()) {
      request = request.requireActive();
    }
    StateQueryResult<?> answer = streams.query(request);
    List<Object> out = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<Integer, ? extends QueryResult<?>> entry : answer.getPartitionResults().entrySet()) {
      QueryResult<?> result = entry.getValue();
      if (result.isSuccess()) {
        out.add(result.getResult());
      } else {
        failures.add("partition " + entry.getKey() + ": " + result.getFailureReason() + " " + result.getFailureMessage());
      }
    }
    if (!failures.isEmpty()) {
      for (Object result : out) {
        if (result instanceof AutoCloseable closeable) {
          closeQuietly(closeable);
        }
      }
      throw new StoreUnavailableException("store " + store + " cannot answer now: " + String.join("; ", failures));
    }
    return out;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // The read failed already; a failure to free the iterator changes nothing for the caller.
    }
  }

  private static Object unwrap(Object value) {
    return value instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : value;
  }
}
