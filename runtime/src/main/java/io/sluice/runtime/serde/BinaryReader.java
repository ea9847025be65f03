package io.sluice.runtime.serde;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what a {@link BinaryWriter} wrote, front to back. */
public final class BinaryReader {

  private final byte[] bytes;
  private int position;

  public BinaryReader(byte[] bytes) {
    this.bytes = bytes;
  }

  public int readByte() {
    return bytes[position++];
  }

  public boolean readBoolean() {
    return bytes[position++] != 0;
  }

  public long readVarLong() {
    long v = 0;
    int shift = 0;
    byte b;
    do {
      b = bytes[position++];
      v |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return (v >>> 1) ^ -(v & 1);
  }

  public int readVarInt() {
    return Math.toIntExact(readVarLong());
  }

  public double readDouble() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (bytes[position++] & 0xFF);
    }
    return Double.longBitsToDouble(bits);
  }

  public byte[] readBytes() {
    int length = readVarInt();
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  public String readString() {
    int length = readVarInt();
    String text = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }
}
