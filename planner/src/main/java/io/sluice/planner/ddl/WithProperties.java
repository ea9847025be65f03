package io.sluice.planner.ddl;

import io.sluice.parser.ast.SqlProperties;
import io.sluice.parser.ast.SqlProperty;
import io.sluice.plan.SerdeFormat;
import io.sluice.planner.PlanningException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/** Typed, checked access to a statement's WITH (...) properties; every error names the property. */
public final class WithProperties {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s+([A-Za-z]+)");
  private static final Map<String, ChronoUnit> UNITS = Map.of(
      "MILLISECOND", ChronoUnit.MILLIS, "MILLISECONDS", ChronoUnit.MILLIS,
      "SECOND", ChronoUnit.SECONDS, "SECONDS", ChronoUnit.SECONDS,
      "MINUTE", ChronoUnit.MINUTES, "MINUTES", ChronoUnit.MINUTES,
      "HOUR", ChronoUnit.HOURS, "HOURS", ChronoUnit.HOURS,
      "DAY", ChronoUnit.DAYS, "DAYS", ChronoUnit.DAYS);

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

  /**
   * A duration of zero or more, written as a quoted {@code '<n> <unit>'} with one of the time
   * units of ksqlDB's WINDOW clause, singular or plural, in any case: {@code '4 SECONDS'}.
   */
  public Optional<Duration> duration(String key) {
    return literal(key).map(p -> {
      String text = p.value().getTypeName() == SqlTypeName.CHAR ? string(key).orElseThrow().trim() : "";
      Matcher written = DURATION.matcher(text);
      ChronoUnit unit = written.matches() ? UNITS.get(written.group(2).toUpperCase(Locale.ROOT)) : null;
      if (unit == null) {
        throw new PlanningException(key + " must be a duration written as a quoted number and time unit, such as "
            + "'4 SECONDS' (units: MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS), not " + p.value(), p.position());
      }
      try {
        return Duration.ofMillis(Math.multiplyExact(Long.parseLong(written.group(1)), unit.getDuration().toMillis()));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new PlanningException(key + " is too long: " + text, p.position());
      }
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
