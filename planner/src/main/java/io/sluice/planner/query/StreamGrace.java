package io.sluice.planner.query;

import io.sluice.parser.ast.SqlJoinWithin;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import io.sluice.planner.calcite.SourceTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * The default grace period of the windows over some rows, from the GRACE_PERIOD of the streams
 * they come from (through views, subqueries and joins): the largest of them, as a window over
 * several streams must wait for the slowest; or none (ksqlDB's 24 hours) when a stream read has no
 * GRACE_PERIOD. Tables read alongside (a stream-table join) do not count: their rows drive no window.
 */
final class StreamGrace {

  private StreamGrace() {}

  /** The default grace of the windows over a FROM clause (views expanded), in milliseconds; null for none. */
  static Long of(SqlNode from, CatalogView catalog) {
    List<SourceDescriptor> sources = new ArrayList<>();
    collect(from, catalog, sources);
    return settle(sources);
  }

  /** The default grace of the windows over a relational plan's rows, in milliseconds; null for none. */
  static Long of(RelNode rel) {
    List<SourceDescriptor> sources = new ArrayList<>();
    collect(rel, sources);
    return settle(sources);
  }

  /** A default grace settled: {@code defaultGrace}, or ksqlDB's 24 hours when it is null. */
  static long orDefault(Long defaultGrace) {
    return defaultGrace == null ? WindowSpecs.DEFAULT_GRACE_MILLIS : defaultGrace;
  }

  private static Long settle(List<SourceDescriptor> sources) {
    Long largest = null;
    for (SourceDescriptor source : sources) {
      if (source.isTable()) {
        continue;
      }
      if (source.gracePeriod() == null) {
        return null;
      }
      largest = largest == null ? source.gracePeriod() : Math.max(largest, source.gracePeriod());
    }
    return largest;
  }

  private static void collect(RelNode rel, List<SourceDescriptor> out) {
    if (rel instanceof TableScan scan) {
      out.add(SourceTables.descriptor(scan.getTable()));
    }
    rel.getInputs().forEach(input -> collect(input, out));
  }

  private static void collect(SqlNode from, CatalogView catalog, List<SourceDescriptor> out) {
    if (from == null) {
      return;
    }
    if (from instanceof SqlIdentifier id) {
      if (id.isSimple()) {
        catalog.source(id.getSimple()).ifPresent(out::add);
      }
    } else if (from instanceof SqlSelect select) {
      collect(select.getFrom(), catalog, out);
    } else if (from instanceof SqlJoin join) {
      collect(join.getLeft(), catalog, out);
      collect(join.getRight(), catalog, out);
    } else if (from instanceof SqlJoinWithin within) {
      collect(within.table(), catalog, out);
    } else if (from.getKind() == SqlKind.COLLECTION_TABLE) {
      SqlCall function = ((SqlCall) from).operand(0);
      if (function.operandCount() > 0) {
        collect(function.operand(0), catalog, out); // TABLE s, a view's query, either with PARTITION BY
      }
    } else if (from instanceof SqlCall call && (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.EXPLICIT_TABLE
        || call.getKind() == SqlKind.SET_SEMANTICS_TABLE)) {
      collect(call.operand(0), catalog, out);
    } else if (from instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
      call.getOperandList().forEach(operand -> collect(operand, catalog, out));
    }
  }
}
