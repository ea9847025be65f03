package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Printing steps that several statements share when they unparse to canonical SQL. */
final class Unparse {

  private Unparse() {}

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
