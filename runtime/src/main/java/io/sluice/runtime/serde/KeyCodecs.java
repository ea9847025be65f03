package io.sluice.runtime.serde;

import io.sluice.plan.SerdeFormat;
import io.sluice.plan.TypeName;

/** Facts about key encodings that readers of stores rely on. */
public final class KeyCodecs {

  private KeyCodecs() {}

  /**
   * True if the codec's encoded keys sort, byte by byte, as their values do within one sign: a
   * single KAFKA-format column of type STRING (UTF-8 sorts by code point), INTEGER or BIGINT
   * (big-endian two's complement, so negative values sort after the others).
   */
  public static boolean ordered(KeyCodec codec) {
    if (codec.format() != SerdeFormat.KAFKA || codec.columns().size() != 1) {
      return false;
    }
    TypeName type = codec.columns().get(0).type().name();
    return type == TypeName.STRING || type == TypeName.INTEGER || type == TypeName.BIGINT;
  }
}
