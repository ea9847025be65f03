package io.sluice.bench.e2e;

import java.util.Optional;

/**
 * One side of the comparison: something that processes the input topic into an output topic as a
 * consumer group. {@link #prepare} is not timed; the clock runs from just before {@link #start}.
 */
public interface Contender extends AutoCloseable {

  /** The side's name in the results, e.g. {@code sluice} or {@code baseline}. */
  String name();

  /** The topic this side writes its results to. */
  String outputTopic();

  /** Sets up everything that is not part of processing the input (a server, the source stream). */
  void prepare() throws Exception;

  /** Starts processing and returns the consumer group whose committed offsets show its progress. */
  String start() throws Exception;

  /** Why processing has stopped for good, if it has (checked every few seconds while waiting). */
  Optional<String> failure() throws Exception;

  /** Stops processing and releases everything; the output topic stays to be read. */
  @Override
  void close();
}
