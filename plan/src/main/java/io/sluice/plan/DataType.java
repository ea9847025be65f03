package io.sluice.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A SQL type as the plan and the runtime see it: a type name plus, for DECIMAL, precision and scale,
 * for ARRAY its element type, for MAP its value type (MAP keys are always STRING, as in ksqlDB), and
 * for STRUCT its fields in order.
 *
 * <p>The runtime represents values of each type with one Java class, given by {@link TypeName#javaClass()}.
 * A null Java reference is SQL NULL; every type is nullable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataType(TypeName name, Integer precision, Integer scale, DataType element,
    List<Field> fields) {

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
    boolean container = name == TypeName.ARRAY || name == TypeName.MAP;
    if (container != (element != null)) {
      throw new IllegalArgumentException(
          container ? name + " needs an element type" : name + " takes no element type");
    }
    if ((name == TypeName.STRUCT) != (fields != null)) {
      throw new IllegalArgumentException(
          name == TypeName.STRUCT ? "STRUCT needs its fields" : name + " takes no fields");
    }
    if (fields != null) {
      fields = List.copyOf(fields);
      if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
        throw new IllegalArgumentException("STRUCT field names must be distinct: " + fields);
      }
    }
  }

  public DataType(TypeName name, Integer precision, Integer scale) {
    this(name, precision, scale, null, null);
  }

  public static DataType of(TypeName name) {
    return new DataType(name, null, null, null, null);
  }

  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeName.DECIMAL, precision, scale, null, null);
  }

  /** ARRAY of {@code element}, held as a {@link List}. */
  public static DataType array(DataType element) {
    return new DataType(TypeName.ARRAY, null, null, element, null);
  }

  /** MAP from STRING to {@code value}, held as a {@link Map} that keeps insertion order. */
  public static DataType map(DataType value) {
    return new DataType(TypeName.MAP, null, null, value, null);
  }

  /** STRUCT of {@code fields}, in order, held as a {@link StructValue}. */
  public static DataType struct(List<Field> fields) {
    return new DataType(TypeName.STRUCT, null, null, null, fields);
  }

  /** The position of the field named exactly {@code fieldName} in this STRUCT, or -1. */
  public int fieldIndex(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
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

  /**
   * The type as SQL spells it, in ksqlDB's names: {@code DECIMAL(10, 2)}, {@code STRING},
   * {@code STRUCT<`ID` BIGINT, `NAME` STRING>} (field names back-quoted, as ksqlDB prints them).
   */
  public String sql() {
    return switch (name) {
      case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
      case ARRAY -> "ARRAY<" + element.sql() + ">";
      case MAP -> "MAP<STRING, " + element.sql() + ">";
      case STRUCT -> fields.stream()
          .map(f -> "`" + f.name().replace("`", "``") + "` " + f.type().sql())
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
      default -> name.name();
    };
  }

  /** One named, typed field of a STRUCT. */
  public record Field(String name, DataType type) {

    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  @Override
  public String toString() {
    return sql();
  }
}
