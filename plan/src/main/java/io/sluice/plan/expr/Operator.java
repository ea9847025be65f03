package io.sluice.plan.expr;

/**
 * The operators and functions a {@link Call} can apply, with their semantics. The planner resolves
 * SQL spellings (ksqlDB's UCASE, LCASE, LEN, CONCAT, IFNULL included) onto these.
 *
 * <p>Unless noted, a null operand yields null. Numeric operands of a call have already been cast
 * by the planner to the call's operand types where SQL needs a common type, except that arithmetic
 * and comparison may mix numeric types, evaluated in the wider of the two.
 */
public enum Operator {
  /** a + b. Integer overflow wraps as in Java; DECIMAL is exact. */
  PLUS,
  /** a - b. */
  MINUS,
  /** a * b. */
  TIMES,
  /** a / b. Integer division truncates; division of integers by zero yields null. */
  DIVIDE,
  /** a % b, sign of the dividend; zero divisor yields null. */
  MOD,
  /** -a. */
  NEGATE,

  /** a = b. */
  EQUALS,
  /** a <> b. */
  NOT_EQUALS,
  /** a < b. Strings compare by code point, booleans false before true. */
  LESS_THAN,
  /** a <= b. */
  LESS_THAN_OR_EQUAL,
  /** a > b. */
  GREATER_THAN,
  /** a >= b. */
  GREATER_THAN_OR_EQUAL,
  /** a IS DISTINCT FROM b: never null; two nulls are not distinct. */
  IS_DISTINCT_FROM,
  /** a IS NOT DISTINCT FROM b: never null. */
  IS_NOT_DISTINCT_FROM,

  /** a AND b ..., three-valued: false if any is false, else null if any is null, else true. */
  AND,
  /** a OR b ..., three-valued: true if any is true, else null if any is null, else false. */
  OR,
  /** NOT a. */
  NOT,
  /** a IS NULL: never null. */
  IS_NULL,
  /** a IS NOT NULL: never null. */
  IS_NOT_NULL,
  /** a IS TRUE: never null. */
  IS_TRUE,
  /** a IS NOT TRUE: never null. */
  IS_NOT_TRUE,
  /** a IS FALSE: never null. */
  IS_FALSE,
  /** a IS NOT FALSE: never null. */
  IS_NOT_FALSE,

  /** s LIKE pattern [ESCAPE e]: SQL patterns, % any run and _ one character, case-sensitive. */
  LIKE,
  /**
   * CASE: operands are when1, then1, when2, then2, ..., else. A WHEN that is null counts as false.
   * Only the chosen branch is evaluated.
   */
  CASE,
  /** COALESCE(a, b, ...): the first non-null operand, evaluated left to right and no further. */
  COALESCE,
  /**
   * CAST(a AS type): the target is the call's type. Strings parse to numbers, booleans, dates and
   * times (ISO-8601); a string that does not parse yields null, as in ksqlDB.
   */
  CAST,

  /**
   * s->field, s.field: operands are a STRUCT and the field's position as an INTEGER literal; the
   * result is the field's value, null when the struct is null.
   */
  FIELD,
  /**
   * a[i], m[k]: an ARRAY's element at 1-based i (negative i counts from the end, -1 the last), or a
   * MAP's value for key k; null when out of range or absent.
   */
  ITEM,

  /** a || b ...: string concatenation; a null operand yields null. */
  CONCAT,
  /** CONCAT(a, b, ...), ksqlDB's: a null operand counts as the empty string. */
  CONCAT_SKIP_NULLS,
  /** UPPER(s), UCASE(s). */
  UPPER,
  /** LOWER(s), LCASE(s). */
  LOWER,
  /** SUBSTRING(s, start [, length]): 1-based start, as SQL. */
  SUBSTRING,
  /** TRIM(side, characters, s): side is the STRING literal BOTH, LEADING or TRAILING. */
  TRIM,
  /** CHAR_LENGTH(s), LEN(s): length in characters. */
  CHAR_LENGTH,
  /** POSITION(needle IN s): 1-based index of needle in s, 0 if absent. */
  POSITION,
  /** REPLACE(s, from, to). */
  REPLACE,
  /**
   * REGEXP_EXTRACT(regex, s [, group]), ksqlDB's: the first match of the Java regular expression
   * in s, or its capturing group (0, the whole match, by default); null when nothing matches.
   */
  REGEXP_EXTRACT,
  /** SPLIT_INDEX(s, separator, index), Flink's: the index-th (0-based) piece of s split at each separator; null past the end. */
  SPLIT_INDEX,
  /**
   * EXTRACT(unit FROM t), and HOUR(t), MINUTE(t), ...: operands are the unit as a STRING literal
   * (YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE, SECOND, MILLISECOND) and a TIMESTAMP,
   * DATE or TIME, read in UTC; the result is a whole number.
   */
  EXTRACT,
  /** TIMESTAMP_PLUS(ts, millis): a TIMESTAMP moved by a BIGINT number of milliseconds (ts + INTERVAL, ts - INTERVAL). */
  TIMESTAMP_PLUS,
  /** COUNT_CHAR(s, c): how many times the text c occurs in s, without overlaps (Nexmark q14's UDF, built in). */
  COUNT_CHAR,
  /** FORMAT_TIMESTAMP(ts, pattern), ksqlDB's (DATE_FORMAT, Flink's): a TIMESTAMP as text by a DateTimeFormatter pattern, in UTC. */
  FORMAT_TIMESTAMP,

  /** ABS(x). */
  ABS,
  /** ROUND(x [, digits]): half away from zero, as Java's HALF_UP on magnitude. */
  ROUND,
  /** FLOOR(x). */
  FLOOR,
  /** CEIL(x). */
  CEIL,
  /** POWER(x, y), as DOUBLE. */
  POWER,
  /** SQRT(x), as DOUBLE. */
  SQRT,
  /** EXP(x), as DOUBLE. */
  EXP,
  /** LN(x), as DOUBLE. */
  LN,
  /** SIGN(x), in x's type. */
  SIGN
}
