package io.sluice.server.statement;

/** Makes query ids as ksqlDB does: CSAS_&lt;SINK&gt;_&lt;n&gt;, CTAS_..., INSERTQUERY_&lt;n&gt;, from the command sequence. */
final class QueryIds {

  private QueryIds() {}

  static String createAsSelect(boolean table, String sink, long sequence) {
    return (table ? "CTAS_" : "CSAS_") + sink + "_" + sequence;
  }

  static String insert(long sequence) {
    return "INSERTQUERY_" + sequence;
  }
}
