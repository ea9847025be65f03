package io.sluice.plan.expr;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sluice.plan.DataType;

/**
 * A typed scalar expression over one input row, as the planner resolved and typed it.
 *
 * <p>Evaluation follows SQL three-valued logic: unless an {@link Operator} says otherwise, a null
 * operand makes the result null.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputRef.class, name = "ref"),
  @JsonSubTypes.Type(value = Literal.class, name = "literal"),
  @JsonSubTypes.Type(value = Call.class, name = "call")
})
public sealed interface Expr permits InputRef, Literal, Call {

  /** The type of the value this expression yields. */
  DataType type();
}
