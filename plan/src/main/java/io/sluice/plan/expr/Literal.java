package io.sluice.plan.expr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.DataType;

/**
 * A constant, written as text so that the plan stays plain JSON. {@code value} is null for SQL NULL.
 *
 * <p>The text forms are: {@code true}/{@code false}; decimal digits for numbers; the string itself
 * for STRING; base64 for BYTES; ISO-8601 for DATE ({@code 2024-01-31}), TIME ({@code 13:45:00.250})
 * and TIMESTAMP ({@code 2024-01-31T13:45:00.250Z}). Operator flags (such as TRIM's side) are
 * STRING literals.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Literal(String value, DataType type) implements Expr {

  public static Literal nullOf(DataType type) {
    return new Literal(null, type);
  }

  @JsonIgnore
  public boolean isNull() {
    return value == null;
  }
}
