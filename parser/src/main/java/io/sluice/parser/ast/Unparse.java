package io.sluice.parser.ast;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Printing steps that several statements share when they unparse to canonical SQL. */
final class Unparse {

  /** Units a duration is printed in, largest first; each is a whole number of the next. */
  private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS,
      ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MILLIS);

  private Unparse() {}

  /** Prints a duration in the largest unit that holds it whole, such as 90 SECONDS. */
  static void duration(SqlWriter writer, Duration duration) {
    final long millis = duration.toMillis();
    ChronoUnit unit = ChronoUnit.SECONDS;
    if (millis != 0) {
      unit = UNITS.stream().filter(u -> millis % u.getDuration().toMillis() == 0)
          .findFirst().orElseThrow();
    }
    final long amount = millis / unit.getDuration().toMillis();
    writer.literal(Long.toString(amount));
    final String name = unit == ChronoUnit.MILLIS ? "MILLISECOND" : unit.name().replaceAll("S$", "");
    writer.keyword(amount == 1 ? name : name + "S");
  }

  /** Prints nodes separated by commas between the given brackets (which may be empty). */
  static void list(SqlWriter writer, List<? extends SqlNode> nodes, String open, String close) {
    final SqlWriter.Frame frame = writer.startList(open, close);
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Prints the clauses that may follow a persistent or push query. */
  static void queryTail(SqlWriter writer, SqlNodeList partitionBy, EmitMode emit) {
    if (partitionBy != null) {
      writer.keyword("PARTITION BY");
      list(writer, partitionBy, "", "");
    }
    if (emit != EmitMode.NONE) {
      writer.keyword("EMIT");
      writer.keyword(emit.name());
    }
  }

  static void keywordIf(SqlWriter writer, boolean condition, String keyword) {
    if (condition) {
      writer.keyword(keyword);
    }
  }
}
