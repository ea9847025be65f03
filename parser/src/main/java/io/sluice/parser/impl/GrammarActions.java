package io.sluice.parser.impl;

import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.parser.ast.SqlJoinWithin;
import io.sluice.parser.ast.SqlProperty;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.parser.ast.SqlWindowSpec;
import io.sluice.parser.ast.SqlWindowedSelect;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/** Checks and node-building steps that the Sluice grammar's actions delegate to plain Java. */
final class GrammarActions {

  private GrammarActions() {}

  /** A positioned error, which the parser reports like a syntax error. */
  static CalciteContextException error(SqlParserPos pos, String message) {
    return new CalciteContextException(message, new SqlValidatorException(message, null),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }

  /**
   * A syntax error at the token after {@code current}, expecting one of the given token
   * kinds; used where a statement keyword must not fall back to being read as a name.
   */
  static ParseException expected(Token current, int... kinds) {
    final int[][] sequences = new int[kinds.length][];
    for (int i = 0; i < kinds.length; i++) {
      sequences[i] = new int[] {kinds[i]};
    }
    return new ParseException(current, sequences, SluiceSqlParserImplConstants.tokenImage);
  }

  /** Refuses the statements Calcite's grammar knows but Sluice does not run. */
  static SqlNode supported(SqlNode statement) {
    if (statement.getClass().getPackage() != SqlQueryStatement.class.getPackage()) {
      throw error(statement.getParserPosition(),
          statement.getKind().name().replace('_', ' ') + " statements are not supported");
    }
    return statement;
  }

  /** Adds a WITH property, refusing a second value for the same key. */
  static void addProperty(List<SqlProperty> properties, SqlProperty property) {
    for (SqlProperty existing : properties) {
      if (existing.key().equals(property.key())) {
        throw error(property.position(), "duplicate property '" + property.key() + "'");
      }
    }
    properties.add(property);
  }

  /**
   * The topic named by PRINT: a back-quoted name is taken as written, and so is a bare name,
   * whose original spelling matters because topic names are case-sensitive.
   */
  static String topicName(SqlIdentifier id, Token token) {
    return id.getParserPosition().isQuoted() ? id.getSimple() : token.image;
  }

  /** Refuses a WITHIN clause on a join whose condition is {@code clause} (USING), or none (null). */
  static void refuseWithin(SqlNode right, String clause) {
    if (right instanceof SqlJoinWithin within) {
      throw error(within.getParserPosition(),
          "A join with WITHIN needs an ON condition" + (clause == null ? "" : ", not " + clause));
    }
  }

  /** Refuses a WITHIN clause on a join without a condition; returns {@code pos}. */
  static SqlParserPos refuseWithin(SqlNode right, SqlParserPos pos) {
    refuseWithin(right, (String) null);
    return pos;
  }

  /** Attaches a LIMIT written after the EMIT clause to the query, as Calcite's own LIMIT. */
  static SqlNode withLimit(SqlNode query, SqlNode fetch, SqlParserPos pos) {
    if (fetch == null) {
      return query;
    }
    if (query instanceof SqlOrderBy orderBy) {
      if (orderBy.fetch != null || orderBy.offset != null) {
        throw error(fetch.getParserPosition(), "LIMIT is given twice");
      }
      return new SqlOrderBy(pos, orderBy.query, orderBy.orderList, null, fetch);
    }
    return new SqlOrderBy(pos, query, SqlNodeList.EMPTY, null, fetch);
  }

  /** The select Calcite's grammar built, carrying the ksqlDB window written after its FROM. */
  static SqlSelect windowed(SqlSelect select, SqlWindowSpec window) {
    return window == null ? select : new SqlWindowedSelect(select, window);
  }

  /** Refuses an EXPLAIN of anything but a query or a statement that starts a query. */
  static SqlNode explainable(SqlNode statement) {
    if (statement instanceof SqlCreateAsSelect || statement instanceof SqlInsertSelect
        || statement instanceof SqlQueryStatement) {
      return statement;
    }
    throw error(statement.getParserPosition(),
        "EXPLAIN takes a query id, a query, CREATE ... AS SELECT or INSERT INTO ... SELECT");
  }
}
