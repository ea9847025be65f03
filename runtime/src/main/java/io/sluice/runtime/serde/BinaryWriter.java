package io.sluice.runtime.serde;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer for the compact binary encoding of state and repartition records: fixed-size
 * big-endian numbers, zig-zag varints and length-prefixed bytes. One instance per thread is reused
 * through {@link #reset()}, so serializing allocates only the resulting array.
 */
public final class BinaryWriter {

  private static final ThreadLocal<BinaryWriter> THREAD = ThreadLocal.withInitial(BinaryWriter::new);

  private byte[] buffer = new byte[256];
  private int size;

  /** This thread's writer, emptied. Callers must finish with {@link #toByteArray()} before reusing it. */
  public static BinaryWriter reset() {
    BinaryWriter writer = THREAD.get();
    writer.size = 0;
    return writer;
  }

  public void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** A signed long in 1 to 10 bytes, small magnitudes shortest. */
  public void writeVarLong(long value) {
    ensure(10);
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[size++] = (byte) v;
  }

  public void writeDouble(double value) {
    ensure(8);
    long bits = Double.doubleToLongBits(value);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (bits >>> shift);
    }
  }

  /** A length, then the bytes. */
  public void writeBytes(byte[] bytes) {
    writeVarLong(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  public void writeString(String text) {
    writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of what was written since {@link #reset()}. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
