package io.sluice.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The SQL types Sluice supports, each with the Java class the runtime holds its values in.
 *
 * <p>INTEGER is 32-bit and BIGINT 64-bit; STRING is ksqlDB's VARCHAR; TIMESTAMP has millisecond
 * precision and no time zone, held as an {@link Instant} in UTC. ARRAY and MAP come out of
 * aggregate functions (COLLECT_LIST, HISTOGRAM, ...) and from declared columns; elements may be
 * null. STRUCT values are {@link StructValue}s, their fields in declaration order.
 */
public enum TypeName {
  BOOLEAN(Boolean.class),
  INTEGER(Integer.class),
  BIGINT(Long.class),
  DOUBLE(Double.class),
  DECIMAL(BigDecimal.class),
  STRING(String.class),
  BYTES(byte[].class),
  DATE(LocalDate.class),
  TIME(LocalTime.class),
  TIMESTAMP(Instant.class),
  ARRAY(List.class),
  MAP(Map.class),
  STRUCT(StructValue.class);

  private final Class<?> javaClass;

  TypeName(Class<?> javaClass) {
    this.javaClass = javaClass;
  }

  /** The Java class of this type's runtime values. */
  public Class<?> javaClass() {
    return javaClass;
  }
}
