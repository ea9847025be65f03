package io.sluice.runtime.topology;

/**
 * The names of the topology nodes built for a plan node, {@code <nodeId>-<role>}, so that they stay
 * the same for as long as the plan does. A step with a single processor (filter, project) uses the
 * plan node id itself. The DSL adds an aggregation's {@code <id>-repartition-*} nodes and topic from
 * its {@code Grouped} name, the plan node id.
 */
final class NodeNames {

  private NodeNames() {}

  /** The Kafka source node of a plan source. */
  static String read(String nodeId) {
    return nodeId + "-read";
  }

  /** The processor that turns a source's bytes into rows. */
  static String deserialize(String nodeId) {
    return nodeId + "-deserialize";
  }

  /** The processor that turns rows into a sink's bytes. */
  static String serialize(String nodeId) {
    return nodeId + "-serialize";
  }

  /** The Kafka sink node of a plan sink. */
  static String write(String nodeId) {
    return nodeId + "-write";
  }

  /** The terminal processor that hands a push query's rows to its client. */
  static String deliver(String nodeId) {
    return nodeId + "-deliver";
  }

  /** The sink node through which a step writes its processing log records. */
  static String processingLog(String nodeId) {
    return nodeId + "-processing-log";
  }

  /** The processor that turns a table source's rows into changes (old and new version of a key's row). */
  static String tableChanges(String nodeId) {
    return nodeId + "-changes";
  }

  /** The processor that computes an aggregation's group key and arguments per input row. */
  static String aggregateInput(String nodeId) {
    return nodeId + "-input";
  }

  /** The processor that turns an aggregation's table into a stream of changed groups. */
  static String toStream(String nodeId) {
    return nodeId + "-to-stream";
  }

  /** The processor that turns an aggregation's groups into result rows. */
  static String aggregateOutput(String nodeId) {
    return nodeId + "-output";
  }

  /** The processing log sink of an aggregation's result rows, which run in another subtopology than its input. */
  static String outputProcessingLog(String nodeId) {
    return nodeId + "-output-processing-log";
  }

  /** The suppression that holds an EMIT FINAL aggregation's windows until they close; its buffer store is {@code <name>-store}. */
  static String finalResults(String nodeId) {
    return nodeId + "-final";
  }

  /** The gate that drops a windowed aggregation's late records. */
  static String lateRecordGate(String nodeId) {
    return nodeId + "-late";
  }
}
