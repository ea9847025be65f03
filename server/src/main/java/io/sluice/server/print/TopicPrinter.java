package io.sluice.server.print;

import io.sluice.parser.ast.SqlPrint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Runs a PRINT: reads a topic (from the start with FROM BEGINNING, from its latest records with
 * LAST n, else from its end) with a group-less consumer and writes each record as a line, until
 * LIMIT records are printed, the client goes away, or the server stops.
 */
public final class TopicPrinter {

  static final Duration POLL = Duration.ofMillis(200);
  /** Idle output keeps the connection checked: a write is the only way to notice a client that left. */
  private static final long HEARTBEAT_MS = 10_000;

  private final Map<String, Object> clientConfig;

  public TopicPrinter(Map<String, Object> clientConfig) {
    this.clientConfig = clientConfig;
  }

  /** Prints until done; returns the number of records printed. Throws IOException when the client leaves. */
  public long print(SqlPrint print, OutputStream out, BooleanSupplier running) throws IOException {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(print.topic()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Output output = new Output(out, print);
      if (print.fromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else if (print.last() != null) {
        for (ConsumerRecord<byte[], byte[]> record : LatestRecords.read(consumer, partitions, print.last(), running)) {
          if (output.done() || !output.offer(record)) {
            break;
          }
        }
      } else {
        consumer.seekToEnd(partitions);
      }
      while (!output.done() && running.getAsBoolean()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (!output.offer(record)) {
            break;
          }
        }
        output.heartbeatWhenIdle();
      }
      return output.printed;
    }
  }

  /** The lines written so far, with INTERVAL and LIMIT applied. */
  private static final class Output {

    private final OutputStream out;
    private final int interval;
    private final long limit;
    private final RecordPrinter printer = new RecordPrinter();
    private long seen;
    private long printed;
    private long lastWrite = System.currentTimeMillis();

    Output(OutputStream out, SqlPrint print) {
      this.out = out;
      this.interval = print.interval() == null ? 1 : Math.max(1, print.interval());
      this.limit = print.limit() == null ? Long.MAX_VALUE : print.limit();
    }

    boolean done() {
      return printed >= limit;
    }

    /** Prints the record unless INTERVAL skips it; false once LIMIT is reached. */
    boolean offer(ConsumerRecord<byte[], byte[]> record) throws IOException {
      if (seen++ % interval != 0) {
        return true;
      }
      if (printed == 0) {
        write(printer.header(record));
      }
      write(printer.line(record));
      return ++printed < limit;
    }

    void heartbeatWhenIdle() throws IOException {
      if (System.currentTimeMillis() - lastWrite > HEARTBEAT_MS) {
        write("\n");
      }
    }

    private void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastWrite = System.currentTimeMillis();
    }
  }
}
