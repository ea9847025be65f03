package io.sluice.planner.calcite;

import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * One statement's Calcite environment: the catalog as a Calcite schema, a validator with implicit
 * type coercion off (as ksqlDB, a type mismatch is an error), and a converter to relational algebra.
 */
public final class CalciteContext {

  private static final Pattern UNKNOWN_OBJECT = Pattern.compile("Object '([^']*)' not found");
  private static final Set<String> WINDOW_BOUNDS = Set.of("WINDOWSTART", "WINDOWEND", "WINDOW_START", "WINDOW_END");
  private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '([^']*)' not found in any table");

  private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final CalciteCatalogReader catalogReader;
  private final SqlValidator validator;

  public CalciteContext(CatalogView catalog) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    for (SourceDescriptor source : catalog.sources()) {
      root.add(source.name(), new SourceTable(source));
    }
    root.add("STRING", f -> f.createSqlType(SqlTypeName.VARCHAR));
    root.add("BYTES", f -> f.createSqlType(SqlTypeName.VARBINARY));
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    catalogReader = new CalciteCatalogReader(root, List.of(), typeFactory, new CalciteConnectionConfigImpl(props));
    validator = SqlValidatorUtil.newValidator(
        SluiceOperatorTable.instance(),
        catalogReader,
        typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.LENIENT)
            .withTypeCoercionEnabled(false)
            .withIdentifierExpansion(true));
  }

  public RelDataTypeFactory typeFactory() {
    return typeFactory;
  }

  public SqlValidator validator() {
    return validator;
  }

  /** Validates a query, turning Calcite's errors into positioned planning errors. */
  public SqlNode validate(SqlNode query) {
    try {
      ColumnFieldAccess.rewrite(query);
      SqlNode validated = validator.validate(query);
      ComparisonTypeCheck.check(validated, validator);
      SupportedFunctionCheck.check(validated);
      return validated;
    } catch (CalciteContextException e) {
      String message = friendly(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      throw new PlanningException(UnknownFieldMessage.withStructType(message, query, validator,
          e.getPosLine(), e.getPosColumn()), e.getPosLine(), e.getPosColumn(), e);
    } catch (CalciteException e) {
      throw new PlanningException(friendly(e.getMessage()), query.getParserPosition());
    }
  }

  /** Converts a validated query to relational algebra. */
  public RelNode toRel(SqlNode validated) {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter(
        null, validator, catalogReader, cluster, StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
            // IN lists stay comparisons however long, never a join against a VALUES subquery.
            .withInSubQueryThreshold(Integer.MAX_VALUE));
    RelRoot root = converter.convertQuery(validated, false, true);
    return root.project();
  }

  /** A planning error at a node, for callers that check things Calcite does not. */
  public static PlanningException error(String message, SqlNode at) {
    return new PlanningException(message, at == null ? SqlParserPos.ZERO : at.getParserPosition());
  }

  private static String friendly(String message) {
    if (message == null) {
      return "Invalid statement";
    }
    Matcher object = UNKNOWN_OBJECT.matcher(message);
    if (object.find()) {
      return "Unknown stream or table '" + object.group(1) + "'";
    }
    Matcher column = UNKNOWN_COLUMN.matcher(message);
    if (column.find()) {
      String name = column.group(1);
      return WINDOW_BOUNDS.contains(name)
          ? name + " is available only in the SELECT list and HAVING clause of a windowed aggregation"
          : "Unknown column '" + name + "'";
    }
    return message;
  }
}
