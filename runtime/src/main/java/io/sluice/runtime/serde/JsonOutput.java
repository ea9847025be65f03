package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON is written into as UTF-8, reused record after record by one
 * thread, so that writing a record allocates only its final byte array. It writes what Jackson's
 * generator would for the same values (the JSON escapes, {@code "NaN"} quoted), without a generator
 * per record.
 */
final class JsonOutput {

  private static final int INITIAL_CAPACITY = 512;
  /** A buffer grown past this by one huge record is dropped after it, not kept for the thread's life. */
  private static final int KEPT_CAPACITY = 1 << 20;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  /** Per ASCII character: 0 written as is, -1 as {@code \}u00XX, else the letter after a backslash. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private static final ThreadLocal<JsonOutput> PER_THREAD = ThreadLocal.withInitial(JsonOutput::new);

  private byte[] buffer = new byte[INITIAL_CAPACITY];
  private int size;

  /** This thread's output, emptied. */
  static JsonOutput forThread() {
    JsonOutput out = PER_THREAD.get();
    if (out.buffer.length > KEPT_CAPACITY) {
      out.buffer = new byte[INITIAL_CAPACITY];
    }
    out.size = 0;
    return out;
  }

  /** The bytes written since {@link #forThread()}. */
  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /** The UTF-8 bytes of {@code text} as a JSON string, quoted and escaped. */
  static byte[] quoted(String text) {
    JsonOutput out = new JsonOutput();
    out.string(text);
    return out.toByteArray();
  }

  void raw(byte b) {
    ensure(1);
    buffer[size++] = b;
  }

  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  void nullValue() {
    raw(NULL);
  }

  void bool(boolean value) {
    raw(value ? TRUE : FALSE);
  }

  void number(int value) {
    ensure(11);
    size = NumberOutput.outputInt(value, buffer, size);
  }

  void number(long value) {
    ensure(20);
    size = NumberOutput.outputLong(value, buffer, size);
  }

  void number(double value) {
    if (Double.isFinite(value)) {
      ascii(Double.toString(value));
    } else {
      string(Double.toString(value));
    }
  }

  /** Text that is ASCII and needs no escape, such as a number's digits. */
  void ascii(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buffer[size++] = (byte) text.charAt(i);
    }
  }

  /** {@code text} as a quoted JSON string in UTF-8. */
  void string(String text) {
    int n = text.length();
    // Every char takes at most 6 bytes (an escape); the two quotes 2 more.
    ensure(n * 6 + 2);
    byte[] b = buffer;
    int at = size;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          b[at++] = (byte) c;
        } else if (escape > 0) {
          b[at++] = '\\';
          b[at++] = escape;
        } else {
          b[at++] = '\\';
          b[at++] = 'u';
          b[at++] = '0';
          b[at++] = '0';
          b[at++] = HEX[c >> 4];
          b[at++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        b[at++] = (byte) (0xE0 | (c >> 12));
        b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else {
        // Surrogates are escaped one by one, as Jackson does by default, so output stays byte for byte.
        b[at++] = '\\';
        b[at++] = 'u';
        b[at++] = HEX[c >> 12];
        b[at++] = HEX[(c >> 8) & 0xF];
        b[at++] = HEX[(c >> 4) & 0xF];
        b[at++] = HEX[c & 0xF];
      }
    }
    b[at++] = '"';
    size = at;
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
