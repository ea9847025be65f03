package io.sluice.bench.nexmark.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Nexmark queries in Sluice SQL, from {@code bench/src/main/resources/nexmark/}: the source and
 * views ({@code ddl.sql}) and one statement per query, with {@code ${INPUT}} and {@code ${OUTPUT}}
 * replaced by the topics of the run.
 */
public final class QuerySql {

  private QuerySql() {}

  /** The statements that declare the Nexmark source on {@code inputTopic} and its views. */
  public static String ddl(String inputTopic) {
    return resource("ddl").replace("${INPUT}", inputTopic);
  }

  /** Query {@code name}'s CREATE ... AS SELECT, writing to {@code outputTopic}. */
  public static String query(String name, String outputTopic) {
    return resource(name).replace("${OUTPUT}", outputTopic);
  }

  private static String resource(String name) {
    try (InputStream in = QuerySql.class.getResourceAsStream("/nexmark/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalArgumentException("no SQL for Nexmark " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
