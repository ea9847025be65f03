package io.sluice.runtime.topology;

/**
 * The raw key and value of the source record the current thread is pushing through the topology,
 * so that a processing log record written by a later step can still show the bytes that caused it.
 *
 * <p>Kafka Streams processes a record depth-first on one thread: a source processor's
 * {@code forward} returns only after every downstream step has handled the row. The source sets
 * this before forwarding and clears it after, so it is never stale, and it is empty outside such
 * a call (for example, in a punctuation).
 */
final class CurrentInput {

  private static final ThreadLocal<CurrentInput> THREAD = ThreadLocal.withInitial(CurrentInput::new);

  private byte[] key;
  private byte[] value;

  static CurrentInput get() {
    return THREAD.get();
  }

  void set(byte[] key, byte[] value) {
    this.key = key;
    this.value = value;
  }

  void clear() {
    key = null;
    value = null;
  }

  byte[] key() {
    return key;
  }

  byte[] value() {
    return value;
  }
}
