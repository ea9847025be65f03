package io.sluice.bench.nexmark.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.bench.Flags;
import io.sluice.bench.SluiceRest;
import io.sluice.bench.nexmark.twin.Twins;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.kafka.Topics;
import io.sluice.server.query.StreamsProperties;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One side of one Nexmark query in a JVM of its own, so that its CPU time and memory are its own:
 * the SQL side (a Sluice server given the DDL and the query over REST) or the hand-written twin.
 * Driven by the harness over stdin and stdout, one line each way: it prepares and answers
 * {@code READY} (or {@code REFUSED <message>}); on {@code START} it starts processing and answers
 * {@code GROUP <consumer group>} (or {@code REFUSED ...}); on {@code STATUS} it answers {@code OK}
 * or {@code FAILED <why>}; on {@code THREADS}, where its stream threads spent their time; on
 * {@code STOP} (or end of input) it stops and exits. Protocol lines
 * start with {@value #PREFIX}; anything else on stdout is not for the harness.
 */
public final class SideMain {

  static final String PREFIX = "@side ";

  private final Map<String, String> flags;
  private final PrintStream out;
  private SluiceServer server;
  private String queryId;
  private KafkaStreams streams;

  private SideMain(Map<String, String> flags, PrintStream out) {
    this.flags = flags;
    this.out = out;
  }

  /** Flags: --side sql|twin, --query, --bootstrap, --input, --output, --partitions, --service-id, --data-dir. */
  public static void main(String[] args) throws Exception {
    PrintStream protocol = System.out;
    // Libraries may print to stdout; keep the protocol channel for the harness alone.
    System.setOut(System.err);
    Map<String, String> flags = new HashMap<>();
    Flags.pairs(args).forEach(pair -> flags.put(pair.getKey(), pair.getValue()));
    SideMain side = new SideMain(flags, protocol);
    int status = 0;
    try {
      side.run();
    } catch (Exception e) {
      e.printStackTrace();
      side.say("FAILED " + oneLine(e.toString()));
      status = 1;
    } finally {
      side.stop();
    }
    System.exit(status);
  }

  private void run() throws Exception {
    boolean sql = flags.get("--side").equals("sql");
    String refusal = sql ? prepareSql() : prepareTwin();
    settle();
    say(refusal == null ? "READY" : "REFUSED " + refusal);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("STOP"); line = in.readLine()) {
      switch (line) {
        case "START" -> say(refusal != null ? "REFUSED " + refusal : sql ? startSql() : startTwin());
        case "STATUS" -> say(status(sql));
        case "THREADS" -> say("THREADS " + streamThreadTime());
        default -> say("FAILED unknown command " + line);
      }
    }
  }

  /**
   * Waits, at most 20 s, until the JIT compilers have finished nothing for half a second, so that
   * what start-up queued (a server's boot, its planning of the DDL and EXPLAIN) is compiled before
   * the clock starts and is not counted as the query's processing, on either side.
   */
  private static void settle() throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long started = System.nanoTime();
    long deadline = started + Duration.ofSeconds(20).toNanos();
    long compiled = jit.getTotalCompilationTime();
    for (int quiet = 0; quiet < 5 && System.nanoTime() < deadline; ) {
      Thread.sleep(100);
      long now = jit.getTotalCompilationTime();
      quiet = now == compiled ? quiet + 1 : 0;
      compiled = now;
    }
    System.err.printf("settled: JIT compilers idle after %.2f s%n", (System.nanoTime() - started) / 1e9);
  }

  /**
   * Both sides' settings. Consumers fetch at most 64 KB per partition at a time: the input is all
   * in the topic when a side starts, and whole 1 MB fetches let one partition run seconds of event
   * time ahead of another, so a task after a repartition saw rows of the first windows arrive
   * after a short grace (Flink's 4 s) had closed them, dropping a different few on each run and
   * each side.
   */
  private SluiceConfig config() {
    return SluiceConfig.of(Map.of(
        SluiceConfig.REST_PORT, "0",
        SluiceConfig.BOOTSTRAP_SERVERS, flags.get("--bootstrap"),
        SluiceConfig.SERVICE_ID, flags.get("--service-id"),
        SluiceConfig.DATA_DIR, flags.get("--data-dir"),
        "streams.consumer.max.partition.fetch.bytes", "65536"));
  }

  /**
   * Starts the server, declares the source and views, and explains the query (planning it and
   * building its topology, as the twin builds its topology before the clock starts); returns
   * Sluice's refusal, if any.
   */
  private String prepareSql() throws Exception {
    server = SluiceServer.start(config());
    String refused = refusal(() -> SluiceRest.ksql(server.restUrl(), QuerySql.ddl(flags.get("--input"))));
    if (refused != null) {
      return refused;
    }
    return refusal(() -> SluiceRest.ksql(server.restUrl(),
        "EXPLAIN " + QuerySql.query(flags.get("--query"), flags.get("--output"))));
  }

  private String startSql() throws Exception {
    String query = QuerySql.query(flags.get("--query"), flags.get("--output"));
    JsonNode[] response = new JsonNode[1];
    String refused = refusal(() -> response[0] = SluiceRest.ksql(server.restUrl(), query));
    if (refused != null) {
      return "REFUSED " + refused;
    }
    queryId = response[0].path(0).path("commandStatus").path("queryId").asText("");
    if (queryId.isEmpty()) {
      return "FAILED Sluice started no query: " + oneLine(response[0].toString());
    }
    return "GROUP " + StreamsProperties.applicationId(config(), queryId);
  }

  private String prepareTwin() {
    Properties properties =
        StreamsProperties.forQuery(config(), flags.get("--bootstrap"), "TWIN_" + flags.get("--query"), Map.of());
    streams = new KafkaStreams(Twins.named(flags.get("--query")).topology(flags.get("--input"), flags.get("--output"),
        Integer.parseInt(flags.get("--partitions"))), properties);
    return null;
  }

  /**
   * Creates the output topic, then starts the topology: Sluice's CREATE ... AS SELECT creates its
   * output topic (with the input's partition count) inside the clock, so the twin does too.
   */
  private String startTwin() {
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, flags.get("--bootstrap")))) {
      new Topics(admin).create(flags.get("--output"), Integer.parseInt(flags.get("--partitions")), (short) 1, Map.of());
    }
    streams.start();
    return "GROUP " + StreamsProperties.applicationId(config(), "TWIN_" + flags.get("--query"));
  }

  private String status(boolean sql) throws Exception {
    if (!sql) {
      KafkaStreams.State state = streams.state();
      return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
          ? "FAILED the twin's Kafka Streams application is in state " + state
          : "OK";
    }
    for (JsonNode running : SluiceRest.ksql(server.restUrl(), "SHOW QUERIES;").path(0).path("queries")) {
      if (queryId.equals(running.path("id").asText())) {
        String state = running.path("state").asText();
        return state.equals("ERROR") || state.equals("NOT_RUNNING")
            ? "FAILED Sluice query " + queryId + " is " + state
            : "OK";
      }
    }
    return "FAILED Sluice no longer lists query " + queryId;
  }

  /**
   * The fractions of their time this JVM's Kafka Streams threads spent processing, polling,
   * committing and punctuating, averaged over the threads, from Kafka Streams' thread metrics
   * ({@code kafka.streams:type=stream-thread-metrics}): where a side's wall time goes when it is not
   * its CPU.
   */
  private static String streamThreadTime() throws Exception {
    MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
    List<ObjectName> threads = new ArrayList<>();
    for (ObjectName bean : beans.queryNames(new ObjectName("kafka.streams:type=stream-thread-metrics,*"), null)) {
      // The state updater's thread has metrics of this type too, without these.
      if (Arrays.stream(beans.getMBeanInfo(bean).getAttributes()).anyMatch(a -> a.getName().equals("process-ratio"))) {
        threads.add(bean);
      }
    }
    if (threads.isEmpty()) {
      return "unknown (no stream thread metrics)";
    }
    List<String> parts = new ArrayList<>();
    for (String activity : List.of("process", "poll", "commit", "punctuate")) {
      double sum = 0;
      for (ObjectName thread : threads) {
        sum += ((Number) beans.getAttribute(thread, activity + "-ratio")).doubleValue();
      }
      parts.add(String.format("%s %.0f%%", activity, 100 * sum / threads.size()));
    }
    return String.join(", ", parts);
  }

  private interface Request {
    void send() throws Exception;
  }

  /** Runs a REST request; Sluice's error message if it refused the statements, null if it took them. */
  private static String refusal(Request request) throws Exception {
    try {
      request.send();
      return null;
    } catch (SluiceRest.Rejected e) {
      return oneLine(e.serverMessage());
    }
  }

  private void say(String line) {
    out.println(PREFIX + line);
    out.flush();
  }

  private void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(60));
    }
    if (server != null) {
      server.close();
    }
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
