package io.sluice.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A SQL type as the plan and the runtime see it: a type name plus, for DECIMAL, precision and scale.
 *
 * <p>The runtime represents values of each type with one Java class, given by {@link TypeName#javaClass()}.
 * A null Java reference is SQL NULL; every type is nullable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataType(TypeName name, Integer precision, Integer scale) {

  public static final DataType BOOLEAN = of(TypeName.BOOLEAN);
  public static final DataType INTEGER = of(TypeName.INTEGER);
  public static final DataType BIGINT = of(TypeName.BIGINT);
  public static final DataType DOUBLE = of(TypeName.DOUBLE);
  public static final DataType STRING = of(TypeName.STRING);
  public static final DataType BYTES = of(TypeName.BYTES);
  public static final DataType DATE = of(TypeName.DATE);
  public static final DataType TIME = of(TypeName.TIME);
  public static final DataType TIMESTAMP = of(TypeName.TIMESTAMP);

  public DataType {
    Objects.requireNonNull(name, "name");
    if (name == TypeName.DECIMAL && (precision == null || scale == null)) {
      throw new IllegalArgumentException("DECIMAL needs a precision and a scale");
    }
    if (name != TypeName.DECIMAL && (precision != null || scale != null)) {
      throw new IllegalArgumentException(name + " takes no precision or scale");
    }
  }

  public static DataType of(TypeName name) {
    return new DataType(name, null, null);
  }

  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeName.DECIMAL, precision, scale);
  }

  /** The Java class of this type's runtime values. */
  @JsonIgnore
  public Class<?> javaClass() {
    return name.javaClass();
  }

  /** True for the types arithmetic applies to. */
  @JsonIgnore
  public boolean isNumeric() {
    return switch (name) {
      case INTEGER, BIGINT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  /** The type as SQL spells it, in ksqlDB's names: {@code DECIMAL(10, 2)}, {@code STRING}. */
  public String sql() {
    return name == TypeName.DECIMAL ? "DECIMAL(" + precision + ", " + scale + ")" : name.name();
  }

  @Override
  public String toString() {
    return sql();
  }
}
