package io.sluice.bench.nexmark.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.bench.nexmark.twin.Twins;
import io.sluice.parser.SluiceParser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every query has its SQL (one CREATE ... AS SELECT writing to the run's output topic) and its twin. */
class QuerySqlTest {

  private static final Pattern CREATE_AS =
      Pattern.compile("CREATE (STREAM|TABLE) nexmark_q[0-9]+ WITH \\(KAFKA_TOPIC='out'[^)]*\\) AS\\s+SELECT .*",
          Pattern.DOTALL);

  @Test
  void everyQueryIsOneCreateAsSelectIntoTheOutputTopicAndHasATwin() {
    for (String query : NexmarkOptions.ALL_QUERIES) {
      String sql = QuerySql.query(query, "out");
      String statement = sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
      assertTrue(CREATE_AS.matcher(statement).matches(), query + ": " + statement);
      assertEquals(1, statement.chars().filter(c -> c == ';').count(), query + " holds one statement");
      assertTrue(sql.startsWith("-- " + query + ", "), query + " opens with its semantics");
      assertEquals(query, Twins.named(query).name());
    }
  }

  @Test
  void everyQueryAndTheDdlParse() {
    for (String query : NexmarkOptions.ALL_QUERIES) {
      assertEquals(1, SluiceParser.parse(QuerySql.query(query, "out")).size(), query);
    }
    assertEquals(4, SluiceParser.parse(QuerySql.ddl("in")).size(), "the source and three views");
  }

  @Test
  void ddlDeclaresTheSourceOnTheInputAndOneViewPerEventType() {
    String ddl = QuerySql.ddl("in");
    assertTrue(ddl.contains("WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON', GRACE_PERIOD='30 SECONDS');"), ddl);
    for (String view : new String[] {"person", "auction", "bid"}) {
      assertTrue(ddl.contains("CREATE VIEW " + view + " AS SELECT "), view);
    }
  }
}
