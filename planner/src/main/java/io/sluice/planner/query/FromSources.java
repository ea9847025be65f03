package io.sluice.planner.query;

import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * The sources a FROM clause of joins reads, left to right: the name each is qualified by (its
 * alias, or the source's name), and its catalog entry (null for a subquery or an unknown name).
 */
record FromSources(String qualifier, SourceDescriptor descriptor) {

  static List<FromSources> of(SqlNode from, CatalogView catalog) {
    List<FromSources> sources = new ArrayList<>();
    collect(from, catalog, sources);
    return sources;
  }

  private static void collect(SqlNode from, CatalogView catalog, List<FromSources> sources) {
    if (from instanceof SqlJoin join) {
      collect(join.getLeft(), catalog, sources);
      collect(join.getRight(), catalog, sources);
      return;
    }
    SqlNode table = from;
    String alias = null;
    if (from.getKind() == SqlKind.AS) {
      table = ((SqlBasicCall) from).operand(0);
      alias = SqlValidatorUtil.alias(from);
    }
    if (table instanceof SqlIdentifier id && id.isSimple()) {
      SourceDescriptor descriptor = catalog.source(id.getSimple()).orElse(null);
      sources.add(new FromSources(alias != null ? alias : id.getSimple(), descriptor));
    } else {
      sources.add(new FromSources(alias, null));
    }
  }
}
