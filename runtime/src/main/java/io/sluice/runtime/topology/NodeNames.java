package io.sluice.runtime.topology;

/**
 * The names of the topology nodes built for a plan node, {@code <nodeId>-<role>}, so that they stay
 * the same for as long as the plan does. A step with a single processor (filter, project) uses the
 * plan node id itself.
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

  /** The sink node through which a step writes its processing log records. */
  static String processingLog(String nodeId) {
    return nodeId + "-processing-log";
  }
}
