package io.sluice.server.pull;

import io.sluice.plan.RowSchema;
import io.sluice.runtime.pull.PullQueryReader;
import io.sluice.runtime.pull.ReadScope;
import io.sluice.runtime.pull.StoreUnavailableException;
import io.sluice.server.query.StreamsProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a pull query on a table whose state store is spread over the nodes of a service: each
 * store partition the query needs is read by its active host, this node's share here and the rest
 * forwarded to the owners in parallel ({@link PullForwarder}); the rows are merged and the LIMIT
 * applied to the whole. When an active host cannot be reached, its partitions are read from a
 * standby copy (here if this node holds one), within the request's offset lag bound. A query
 * forwarded by another node reads exactly the partitions it names, here, and is never forwarded
 * again. A store whose Kafka Streams group has one member is read as before, with no more lookups.
 */
final class PullQueryRouter {

  /** Internal request property: the store partitions a forwarded pull query reads, e.g. {@code 0,3}. */
  static final String PARTITIONS_PROPERTY = "sluice.internal.pull.partitions";
  /** Internal request property: {@code true} if a forwarded pull query may read standby copies. */
  static final String STANDBY_PROPERTY = "sluice.internal.pull.standby";
  /** ksqlDB's request property bounding how far behind a standby copy may be; no bound by default. */
  static final String MAX_OFFSET_LAG_PROPERTY = "ksql.query.pull.max.allowed.offset.lag";
  /** The response header saying where a pull query's rows came from. */
  static final String SOURCE_HEADER = "X-Sluice-Pull-Source";
  static final String SOURCE_ACTIVE = "active";
  static final String SOURCE_STANDBY = "standby";

  private final HostInfo self;
  private final PullForwarder forwarder;

  /** @param advertisedUrl this node's advertised REST URL, as its queries name it in {@code application.server} */
  PullQueryRouter(String advertisedUrl) {
    this.self = HostInfo.buildFromEndpoint(StreamsProperties.applicationServer(advertisedUrl));
    this.forwarder = new PullForwarder(URI.create(advertisedUrl).getScheme());
  }

  /** True if {@code properties} carry the internal properties of a query another node forwarded. */
  static boolean isForwarded(Map<String, String> properties) {
    return properties.containsKey(PARTITIONS_PROPERTY);
  }

  /**
   * The query's rows, from every partition of the store that it needs, however the partitions
   * are spread over the nodes.
   *
   * @param limit the query's LIMIT, or null
   * @throws StoreUnavailableException if a partition cannot be read from any host
   * @throws IllegalArgumentException if a request property has a wrong value
   */
  PullAnswer read(PullQueryReader reader, KafkaStreams streams, String store, RowSchema schema, Long limit,
      String sql, Map<String, String> properties) {
    long maxLag = maxOffsetLag(properties);
    if (isForwarded(properties)) {
      boolean standby = Boolean.parseBoolean(properties.get(STANDBY_PROPERTY));
      return new PullAnswer(reader.read(streams, store, new ReadScope(partitions(properties), standby, maxLag)), standby);
    }
    // A query that is not running is refused by the reader, with its state in the message.
    if (streams.state() != KafkaStreams.State.RUNNING || members(streams) <= 1) {
      return new PullAnswer(reader.read(streams, store), false);
    }
    Map<HostInfo, Set<Integer>> byActive = new LinkedHashMap<>();
    Map<Integer, KeyQueryMetadata> hosts = reader.partitionHosts(streams, store);
    hosts.forEach((partition, metadata) ->
        byActive.computeIfAbsent(metadata.activeHost(), h -> new TreeSet<>()).add(partition));
    Map<HostInfo, CompletableFuture<PullAnswer>> remote = new LinkedHashMap<>();
    byActive.forEach((host, partitions) -> {
      if (!host.equals(self)) {
        remote.put(host, forwarder.send(host, sql, properties, partitions, false, schema));
      }
    });
    List<PullAnswer> answers = new ArrayList<>();
    Set<Integer> local = byActive.get(self);
    if (local != null) {
      answers.add(new PullAnswer(reader.read(streams, store, ReadScope.active(local)), false));
    }
    for (Map.Entry<HostInfo, CompletableFuture<PullAnswer>> entry : remote.entrySet()) {
      try {
        answers.add(entry.getValue().join());
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof PullForwarder.UnreachableHostException unreachable)) {
          throw asUnavailable(e.getCause());
        }
        answers.addAll(fromStandbys(reader, streams, store, schema, sql, properties, maxLag,
            byActive.get(entry.getKey()), hosts, unreachable));
      }
    }
    return merge(answers, limit);
  }

  /** The partitions of an unreachable active host read from their standby copies: here first, else a standby host. */
  private List<PullAnswer> fromStandbys(PullQueryReader reader, KafkaStreams streams, String store, RowSchema schema,
      String sql, Map<String, String> properties, long maxLag, Set<Integer> partitions,
      Map<Integer, KeyQueryMetadata> hosts, PullForwarder.UnreachableHostException unreachable) {
    Map<HostInfo, Set<Integer>> byStandby = new LinkedHashMap<>();
    for (int partition : partitions) {
      Set<HostInfo> standbys = hosts.get(partition).standbyHosts();
      if (standbys.isEmpty()) {
        throw new StoreUnavailableException("partition " + partition + " has no standby copy and its active "
            + unreachable.getMessage());
      }
      HostInfo standby = standbys.contains(self) ? self : standbys.iterator().next();
      byStandby.computeIfAbsent(standby, h -> new TreeSet<>()).add(partition);
    }
    Map<HostInfo, CompletableFuture<PullAnswer>> remote = new LinkedHashMap<>();
    byStandby.forEach((host, owned) -> {
      if (!host.equals(self)) {
        remote.put(host, forwarder.send(host, sql, properties, owned, true, schema));
      }
    });
    List<PullAnswer> answers = new ArrayList<>();
    Set<Integer> local = byStandby.get(self);
    if (local != null) {
      answers.add(new PullAnswer(reader.read(streams, store, new ReadScope(local, true, maxLag)), true));
    }
    for (CompletableFuture<PullAnswer> answer : remote.values()) {
      try {
        answers.add(new PullAnswer(answer.join().rows(), true));
      } catch (CompletionException e) {
        throw asUnavailable(e.getCause());
      }
    }
    return answers;
  }

  /** The members of the store's Kafka Streams group, as of the last rebalance (a local read, no request). */
  private static int members(KafkaStreams streams) {
    try {
      return streams.metadataForAllStreamsClients().size();
    } catch (IllegalStateException | InvalidStateStoreException e) {
      throw new StoreUnavailableException("the query is " + streams.state() + "; try again shortly");
    }
  }

  private static PullAnswer merge(List<PullAnswer> answers, Long limit) {
    List<Object[]> rows = new ArrayList<>();
    boolean standby = false;
    for (PullAnswer answer : answers) {
      rows.addAll(answer.rows());
      standby |= answer.fromStandby();
    }
    if (limit != null && rows.size() > limit) {
      rows = new ArrayList<>(rows.subList(0, limit.intValue()));
    }
    return new PullAnswer(rows, standby);
  }

  private static StoreUnavailableException asUnavailable(Throwable failure) {
    return failure instanceof StoreUnavailableException unavailable ? unavailable
        : new StoreUnavailableException(failure.getMessage());
  }

  private static Set<Integer> partitions(Map<String, String> properties) {
    String value = properties.get(PARTITIONS_PROPERTY).trim();
    Set<Integer> partitions = new TreeSet<>();
    if (value.isEmpty()) {
      return partitions;
    }
    try {
      for (String partition : value.split(",")) {
        partitions.add(Integer.parseInt(partition.trim()));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Property " + PARTITIONS_PROPERTY + " must be partition numbers separated "
          + "by commas, not '" + value + "'");
    }
    return partitions;
  }

  private static long maxOffsetLag(Map<String, String> properties) {
    String value = properties.get(MAX_OFFSET_LAG_PROPERTY);
    if (value == null) {
      return ReadScope.NO_LAG_BOUND;
    }
    try {
      long lag = Long.parseLong(value.trim());
      if (lag >= 0) {
        return lag;
      }
    } catch (NumberFormatException e) {
      // Refused below with the property's name.
    }
    throw new IllegalArgumentException("Property " + MAX_OFFSET_LAG_PROPERTY + " must be a number of records, 0 or "
        + "more, not '" + value + "'");
  }
}
