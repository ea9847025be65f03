package io.sluice.runtime.topology;

import org.apache.kafka.streams.kstream.Window;

/** A closed window's bounds, as the rows of a windowed aggregation carry them in their keys. */
final class ClosedWindow extends Window {

  ClosedWindow(long start, long end) {
    super(start, end);
  }

  @Override
  public boolean overlap(Window other) {
    return start() < other.end() && other.start() < end();
  }
}
