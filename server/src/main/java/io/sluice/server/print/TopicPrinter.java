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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Runs a PRINT: reads a topic (from the start with FROM BEGINNING, else from its end) with a
 * group-less consumer and writes each record as a line, until LIMIT records are printed, the
 * client goes away, or the server stops.
 */
public final class TopicPrinter {

  private static final Duration POLL = Duration.ofMillis(200);
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
      if (print.fromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      int interval = print.interval() == null ? 1 : Math.max(1, print.interval());
      long limit = print.limit() == null ? Long.MAX_VALUE : print.limit();
      RecordPrinter printer = new RecordPrinter();
      long seen = 0;
      long printed = 0;
      long lastWrite = System.currentTimeMillis();
      while (printed < limit && running.getAsBoolean()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          if (seen++ % interval != 0) {
            continue;
          }
          if (printed == 0) {
            write(out, printer.header(record));
          }
          write(out, printer.line(record));
          lastWrite = System.currentTimeMillis();
          if (++printed >= limit) {
            break;
          }
        }
        if (System.currentTimeMillis() - lastWrite > HEARTBEAT_MS) {
          write(out, "\n");
          lastWrite = System.currentTimeMillis();
        }
      }
      return printed;
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
