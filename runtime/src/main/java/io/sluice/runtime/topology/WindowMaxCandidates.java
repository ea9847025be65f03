package io.sluice.runtime.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A window max join's first step, in each input partition: passes on, under one empty key, only
 * the rows that may matter to the one task that decides ({@link WindowMaxJoinProcessor}): those at
 * or above the greatest value this task has seen in a window they fall in (they may raise its
 * maximum) or in a window they are a candidate of (they may equal it). A row held back is below a
 * row sent before it, from this partition, in the same order, so it could neither raise a maximum
 * nor reach one. A row that closes a window by this partition's time is sent too, whatever its
 * value, so that the next step's stream time closes the windows the aggregation's would.
 *
 * <p>When the step's input is a stream projection only it reads, it runs that projection (and the
 * filter the projection runs) itself, and projects only the rows it sends on: most rows are held
 * back, and need neither a projected row nor a processor hop of their own.
 *
 * <p>What it has seen is kept in memory and forgotten on a restart, which only makes it send more:
 * the next step is correct whatever this one sends. A window is forgotten once it has closed here.
 */
final class WindowMaxCandidates implements Processor<Object, Object, Object, Object> {

  private static final byte[] NO_KEY = new byte[0];

  private final ProjectionStep projection;
  private final LongAdder projected;
  private final boolean projectFirst;
  private final int valueSlot;
  private final int timeSlot;
  private final WindowMaxWindows windows;
  private final Downstream downstream;
  private final Map<Long, Comparable<Object>> greatest = new HashMap<>();
  private ProcessorContext<Object, Object> context;
  private long closedEnd;
  private boolean send;

  /**
   * @param projection the input projection this step runs, or null when its rows come projected
   * @param projected the count of the projection's output rows, or null
   * @param projectFirst whether a row is projected before its value and time are read (the
   *     projection computes them), rather than only when it is sent on
   * @param valueSlot the value's slot in the row read (projected or not, as above)
   * @param timeSlot the time column's slot in the row read
   */
  WindowMaxCandidates(ProjectionStep projection, LongAdder projected, boolean projectFirst, int valueSlot,
      int timeSlot, WindowMaxWindows windows, Downstream downstream) {
    this.projection = projection;
    this.projected = projected;
    this.projectFirst = projectFirst;
    this.valueSlot = valueSlot;
    this.timeSlot = timeSlot;
    this.windows = windows;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    greatest.clear();
    closedEnd = Long.MIN_VALUE;
  }

  @Override
  public void process(Record<Object, Object> record) {
    if (!(record.value() instanceof Object[] input)) {
      return;
    }
    Object[] scratch = null;
    Object[] row = input;
    try {
      if (projection != null) {
        scratch = projection.scratch();
        if (!projection.passes(input, scratch)) {
          return;
        }
        projected.increment();
        if (projectFirst) {
          row = (Object[]) projection.project(input, scratch);
        }
      }
      if (!matters(row, record.timestamp())) {
        return;
      }
      if (row == input && projection != null) {
        row = (Object[]) projection.project(input, scratch);
      }
    } catch (ProjectionStep.Failure failure) {
      failure.logger().log(context, ErrorType.EVALUATION_ERROR, failure.getMessage(), record.timestamp());
      return;
    }
    downstream.forward(context, record.withKey((Object) NO_KEY).withValue((Object) row));
  }

  /** Whether {@code row}, at {@code time}, may raise or reach a window's maximum, or closes a window here. */
  @SuppressWarnings("unchecked")
  private boolean matters(Object[] row, long time) {
    long closing = windows.closedEnd(time);
    send = closing > closedEnd;
    if (send) {
      closedEnd = closing;
      greatest.keySet().removeIf(start -> start + windows.size() <= closing);
    }
    Comparable<Object> value = (Comparable<Object>) row[valueSlot];
    if (value != null) {
      windows.containing(time, start -> {
        Comparable<Object> seen = greatest.get(start);
        if (seen == null || value.compareTo(seen) >= 0) {
          greatest.put(start, value);
          send = true;
        }
      });
      if (!send) {
        windows.candidates(row[timeSlot], start -> {
          Comparable<Object> seen = greatest.get(start);
          send |= seen == null || value.compareTo(seen) >= 0;
        });
      }
    }
    return send;
  }
}
