package io.sluice.bench.nexmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.kafka.EmbeddedKafka;
import io.sluice.server.kafka.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Loads Nexmark events into Kafka ({@code bench/run nexmark-load}): generates N events, writes them
 * at full speed with a batching idempotent producer into the in-process broker (whose data
 * directory stays for later runs) or an external cluster, shows a progress bar, checks every
 * record arrived and writes a manifest. See docs/benchmarks.md.
 */
public final class NexmarkLoader {

  private static final Map<String, String> BROKER_SETTINGS = Map.of("log.retention.ms", "-1");

  private final LoadOptions options;

  private NexmarkLoader(LoadOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(LoadOptions.USAGE);
      return;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("nexmark-load: " + e.getMessage());
      System.err.println(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    int status = 1;
    try {
      status = new NexmarkLoader(options).run();
    } catch (Exception e) {
      System.err.println("nexmark-load failed:");
      e.printStackTrace();
    }
    // Kafka can leave non-daemon threads behind after a failure; the manifest is written by now.
    System.exit(status);
  }

  private int run() throws Exception {
    if (options.bootstrap().isPresent()) {
      return load(options.bootstrap().get(), (short) -1);
    }
    Path kafkaDir = options.dataDir().resolve("kafka").toAbsolutePath();
    removeDeletedPartitions(kafkaDir);
    try (EmbeddedKafka broker = new EmbeddedKafka(kafkaDir, 0, BROKER_SETTINGS)) {
      broker.start();
      System.out.println("in-process broker at " + broker.bootstrapServers() + ", data in " + kafkaDir + " (kept)");
      return load(broker.bootstrapServers(), (short) 1);
    }
  }

  /**
   * Removes the files of partitions deleted by an earlier run. The broker renames a deleted
   * partition's directory to {@code <topic>-<partition>.<id>-delete} and removes it a minute or
   * more later; this short-lived broker is gone by then, so they would pile up, a full copy of the
   * data per reload.
   */
  public static void removeDeletedPartitions(Path kafkaDir) throws IOException {
    if (!Files.isDirectory(kafkaDir)) {
      return;
    }
    List<Path> deleted;
    try (Stream<Path> entries = Files.list(kafkaDir)) {
      deleted = entries.filter(path -> path.getFileName().toString().endsWith("-delete") && Files.isDirectory(path))
          .toList();
    }
    for (Path dir : deleted) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /**
   * Makes sure {@code topic} holds the nested-layout load of {@code events} events (seed 42, the
   * default rate) in {@code partitions} partitions: kept as it is when the manifest beside the
   * in-process broker's data ({@code dataDir}) describes that load and the topic holds that many
   * records, loaded again otherwise. For an external cluster ({@code inProcess} false), the record
   * count alone decides.
   *
   * @return whether it loaded the events (false: an earlier load was reused)
   */
  public static boolean loadUnlessPresent(String bootstrap, boolean inProcess, Path dataDir, String topic, long events,
      int partitions) throws Exception {
    LoadOptions options = new LoadOptions(events, partitions, topic, 42, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND,
        NexmarkLayout.NESTED, "lz4", inProcess ? Optional.empty() : Optional.of(bootstrap), dataDir, Optional.empty());
    NexmarkLoader loader = new NexmarkLoader(options);
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      boolean present = new Topics(admin).exists(topic)
          && admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic)
              .partitions().size() == partitions
          && loader.recordCounts(admin, List.of(topic)).get(topic) == events
          && (!inProcess || manifestMatches(dataDir.resolve(manifestName(topic, NexmarkLayout.NESTED)), options));
      if (present) {
        return false;
      }
    }
    if (loader.load(bootstrap, (short) (inProcess ? 1 : -1)) != 0) {
      throw new IllegalStateException("loading " + events + " Nexmark events into " + topic + " failed");
    }
    return true;
  }

  private static boolean manifestMatches(Path file, LoadOptions options) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    JsonNode manifest = new ObjectMapper().readTree(file.toFile());
    return manifest.path("events").asLong() == options.events()
        && manifest.path("seed").asLong() == options.seed()
        && manifest.path("eventsPerSecond").asLong() == options.eventsPerSecond()
        && manifest.path("layout").asText().equals(options.layout().flagName())
        && manifest.path("partitions").asInt() == options.partitions();
  }

  private int load(String bootstrap, short replicas) throws Exception {
    List<String> topics = options.layout().topics(options.topic());
    System.out.printf("loading %,d Nexmark events (seed %d, %,d events/s of event time, %s layout) into %s,"
            + " %d partitions each, compression %s%n",
        options.events(), options.seed(), options.eventsPerSecond(), options.layout().flagName(), topics,
        options.partitions(), options.compression());
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Topics kafkaTopics = new Topics(admin);
      for (String topic : topics) {
        if (kafkaTopics.exists(topic)) {
          System.out.println("topic " + topic + " exists: deleting it to load it again");
          kafkaTopics.delete(topic);
        }
        kafkaTopics.create(topic, options.partitions(), replicas, Map.of());
      }
      LoadManifest manifest = produce(bootstrap, topics);
      Map<String, Long> written = recordCounts(admin, topics);
      if (!written.equals(manifest.recordsPerTopic())) {
        System.err.println("the topics hold " + written + " records, not " + manifest.recordsPerTopic());
        return 1;
      }
      System.out.printf("loaded %,d events (%,d bytes of values) in %.1f s: %,.0f events/s%n", options.events(),
          manifest.valueBytes(), manifest.loadSeconds(), options.events() / manifest.loadSeconds());
      if (options.bootstrap().isEmpty()) {
        Path kept = options.dataDir().resolve(manifestName(options.topic(), options.layout()));
        manifest.write(kept);
        System.out.println("manifest beside the broker's data: " + kept);
      }
      if (options.json().isPresent()) {
        manifest.write(options.json().get());
      }
      return 0;
    }
  }

  private LoadManifest produce(String bootstrap, List<String> topics) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, options.compression());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
    NexmarkGenerator generator = new NexmarkGenerator(options.seed(), options.eventsPerSecond());
    NexmarkJson json = new NexmarkJson();
    Map<String, Long> perTopic = new LinkedHashMap<>();
    topics.forEach(topic -> perTopic.put(topic, 0L));
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    ProgressBar progress = new ProgressBar(System.err, "events", options.events());
    long valueBytes = 0;
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long n = 0; n < options.events() && firstFailure.get() == null; n++) {
        NexmarkEvent event = generator.event(n);
        String topic = topics.get(topics.size() == 1 ? 0 : event.eventType());
        byte[] value = json.write(event, options.layout());
        valueBytes += value.length;
        perTopic.merge(topic, 1L, Long::sum);
        producer.send(new ProducerRecord<>(topic, null, event.dateTime(), key(event.key()), value),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.incrementAndGet();
              } else {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, error);
              }
            });
        if ((n & 1023) == 0) {
          progress.update(acknowledged.get());
        }
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.finish(acknowledged.get());
    if (firstFailure.get() != null) {
      throw new IllegalStateException(failures.get() + " events were not written", firstFailure.get());
    }
    return new LoadManifest(options, options.bootstrap().orElse("in-process"), perTopic, (long) Long.BYTES
        * options.events(), valueBytes, generator.eventTime(0), generator.eventTime(options.events() - 1), seconds);
  }

  /** The manifest's file name beside the in-process broker's data, one per topic and layout. */
  static String manifestName(String topic, NexmarkLayout layout) {
    return topic + "." + layout.flagName() + ".manifest.json";
  }

  /** The key in Kafka's BIGINT format, 8 bytes big-endian, as Sluice's {@code KAFKA} key format reads it. */
  private static byte[] key(long id) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      bytes[i] = (byte) id;
      id >>>= 8;
    }
    return bytes;
  }

  private Map<String, Long> recordCounts(Admin admin, List<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> request = topics.stream()
        .flatMap(topic -> IntStream.range(0, options.partitions()).mapToObj(p -> new TopicPartition(topic, p)))
        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
    Map<String, Long> counts = new LinkedHashMap<>();
    topics.forEach(topic -> counts.put(topic, 0L));
    admin.listOffsets(request).all().get(60, TimeUnit.SECONDS)
        .forEach((partition, info) -> counts.merge(partition.topic(), info.offset(), Long::sum));
    return counts;
  }
}
