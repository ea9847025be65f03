package io.sluice.runtime.serde;

/**
 * What a query reads of one column's value: all of it, or only some fields of a STRUCT, each with
 * its own use. Null stands for a value the query does not read at all. Immutable.
 */
public final class ValueUse {

  /** The whole value. */
  public static final ValueUse WHOLE = new ValueUse(null);

  /** Per field of a STRUCT, its use (null if unread); null for the whole value. */
  private final ValueUse[] fields;

  private ValueUse(ValueUse[] fields) {
    this.fields = fields;
  }

  /** The use of field {@code index} of a STRUCT of {@code fieldCount} fields, read as {@code inner} says. */
  public static ValueUse field(int fieldCount, int index, ValueUse inner) {
    ValueUse[] fields = new ValueUse[fieldCount];
    fields[index] = inner;
    return new ValueUse(fields);
  }

  /** Everything either use reads; null only when both are. */
  public static ValueUse union(ValueUse a, ValueUse b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.isWhole() || b.isWhole() || a.fields.length != b.fields.length) {
      return WHOLE;
    }
    ValueUse[] fields = new ValueUse[a.fields.length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = union(a.fields[i], b.fields[i]);
    }
    return new ValueUse(fields);
  }

  /** True if the whole value is read. */
  public boolean isWhole() {
    return fields == null;
  }

  /** The use of a STRUCT's field {@code index}, null if it is unread; only for a use that is not whole. */
  public ValueUse fieldUse(int index) {
    return fields[index];
  }

  /** {@code *} for the whole value, else the fields read by position, such as {@code {2:*}}. */
  @Override
  public String toString() {
    if (fields == null) {
      return "*";
    }
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] != null) {
        text.append(text.length() > 1 ? ", " : "").append(i).append(':').append(fields[i]);
      }
    }
    return text.append('}').toString();
  }
}
