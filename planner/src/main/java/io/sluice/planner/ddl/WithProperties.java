package io.sluice.planner.ddl;

import io.sluice.parser.ast.SqlProperties;
import io.sluice.parser.ast.SqlProperty;
import io.sluice.plan.SerdeFormat;
import io.sluice.planner.PlanningException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/** Typed, checked access to a statement's WITH (...) properties; every error names the property. */
public final class WithProperties {

  private final SqlProperties properties;

  private WithProperties(SqlProperties properties) {
    this.properties = properties;
  }

  /** Wraps {@code properties} (null for none), refusing any key not in {@code allowed}. */
  public static WithProperties of(SqlProperties properties, Set<String> allowed, String statementKind) {
    WithProperties with = new WithProperties(properties);
    if (properties != null) {
      for (SqlProperty property : properties.list()) {
        if (!allowed.contains(property.key())) {
          throw new PlanningException(
              "Property " + property.key() + " is not supported in " + statementKind
                  + ". Supported: " + String.join(", ", allowed.stream().sorted().toList()),
              property.position());
        }
      }
    }
    return with;
  }

  public Optional<String> string(String key) {
    return literal(key).map(p -> {
      SqlLiteral value = p.value();
      if (value.getTypeName() != SqlTypeName.CHAR) {
        throw new PlanningException(key + " must be a quoted string", p.position());
      }
      return value.getValueAs(NlsString.class).getValue();
    });
  }

  /** A positive whole number no larger than {@code max}. */
  public Optional<Integer> positiveInt(String key, int max) {
    return positiveInt(key).map(n -> {
      if (n > max) {
        throw new PlanningException(key + " must be at most " + max, literal(key).orElseThrow().position());
      }
      return n;
    });
  }

  public Optional<Integer> positiveInt(String key) {
    return literal(key).map(p -> {
      SqlLiteral value = p.value();
      BigDecimal number = value.getTypeName() == SqlTypeName.DECIMAL ? value.getValueAs(BigDecimal.class) : null;
      if (number == null || number.signum() <= 0 || number.scale() > 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        throw new PlanningException(key + " must be a positive whole number", p.position());
      }
      return number.intValue();
    });
  }

  /** A boolean, written as TRUE or FALSE, bare or quoted. */
  public Optional<Boolean> bool(String key) {
    return literal(key).map(p -> {
      SqlLiteral value = p.value();
      String text = value.getTypeName() == SqlTypeName.BOOLEAN ? String.valueOf(value.booleanValue())
          : value.getTypeName() == SqlTypeName.CHAR ? value.getValueAs(NlsString.class).getValue() : "";
      if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
        throw new PlanningException(key + " must be TRUE or FALSE", p.position());
      }
      return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
    });
  }

  /** A format property, refusing formats this build cannot read or write in that position. */
  public Optional<SerdeFormat> format(String key, Set<SerdeFormat> supported) {
    return literal(key).map(p -> {
      String name = string(key).orElseThrow().toUpperCase(Locale.ROOT);
      SerdeFormat format;
      try {
        format = SerdeFormat.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new PlanningException(key + " '" + name + "' is not supported yet. Supported: " + names(supported), p.position());
      }
      if (!supported.contains(format)) {
        throw new PlanningException(key + " '" + name + "' is not supported here. Supported: " + names(supported), p.position());
      }
      return format;
    });
  }

  /** The property's parsed entry, for errors that need its position. */
  public Optional<SqlProperty> literal(String key) {
    return properties == null ? Optional.empty() : properties.list().stream().filter(p -> p.key().equals(key)).findFirst();
  }

  private static String names(Set<SerdeFormat> formats) {
    return String.join(", ", formats.stream().map(Enum::name).sorted().toList());
  }
}
