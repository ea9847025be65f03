package io.sluice.parser.ast;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * A SELECT with ksqlDB's {@code WINDOW} clause after its FROM clause. To Calcite it is an
 * ordinary {@link SqlSelect} (its operator and operands are those of the select without the
 * window), so rewriting it with Calcite's shuttles or validator yields a plain SqlSelect: read
 * {@link #ksqlWindow()} first.
 */
public final class SqlWindowedSelect extends SqlSelect {

  /** Index of the FROM clause among a select's operands. */
  private static final int FROM = 2;

  private final SqlWindowSpec ksqlWindow;

  /** The given select, with the given window written after its FROM clause. */
  public SqlWindowedSelect(SqlSelect select, SqlWindowSpec ksqlWindow) {
    super(select.getParserPosition(), keywords(select), select.getSelectList(),
        select.getFrom(), select.getWhere(), select.getGroup(), select.getHaving(),
        select.getWindowList(), select.getQualify(), select.getOrderList(), select.getOffset(),
        select.getFetch(), select.getHints());
    if (select.getFrom() == null) {
      throw new IllegalArgumentException("a WINDOW clause needs a FROM clause");
    }
    this.ksqlWindow = ksqlWindow;
  }

  /** The ksqlDB window the query aggregates over. */
  public SqlWindowSpec ksqlWindow() {
    return ksqlWindow;
  }

  /** The same select without its WINDOW clause, as Calcite's validator can read it. */
  public SqlSelect withoutKsqlWindow() {
    return plainSelect(getParserPosition(), getFrom());
  }

  @Override
  public SqlNode clone(SqlParserPos pos) {
    return new SqlWindowedSelect(plainSelect(pos, getFrom()), ksqlWindow);
  }

  @Override
  public boolean equalsDeep(SqlNode node, Litmus litmus) {
    if (!(node instanceof SqlWindowedSelect that)) {
      return litmus.fail("{} != {}", this, node);
    }
    return super.equalsDeep(node, litmus) && ksqlWindow.equalsDeep(that.ksqlWindow, litmus);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    // Calcite prints a select's clauses in its own order; handing it a FROM clause that prints
    // the window after itself puts WINDOW where ksqlDB reads it, between FROM and WHERE.
    plainSelect(getParserPosition(), new FromThenWindow(getFrom(), ksqlWindow))
        .unparse(writer, leftPrec, rightPrec);
  }

  private SqlSelect plainSelect(SqlParserPos pos, SqlNode from) {
    final List<SqlNode> operands = new ArrayList<>(getOperandList());
    operands.set(FROM, from);
    return (SqlSelect) SqlSelectOperator.INSTANCE.createCall(null, pos,
        operands.toArray(new SqlNode[0]));
  }

  private static SqlNodeList keywords(SqlSelect select) {
    return (SqlNodeList) select.getOperandList().get(0);
  }

  /** A FROM clause that prints the window clause after itself; it exists only while printing. */
  private static final class FromThenWindow extends SqlCall {

    private final SqlNode from;
    private final SqlWindowSpec window;

    FromThenWindow(SqlNode from, SqlWindowSpec window) {
      super(from.getParserPosition());
      this.from = from;
      this.window = window;
    }

    @Override
    public SqlOperator getOperator() {
      return SqlWindowSpec.OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
      return List.of(from, window);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
      from.unparse(writer, leftPrec, rightPrec);
      window.unparse(writer, 0, 0);
    }
  }
}
