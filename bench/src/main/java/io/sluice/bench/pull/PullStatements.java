package io.sluice.bench.pull;

/** The SQL the benchmark gives Sluice. */
final class PullStatements {

  static final String TABLE = "COUNTS";

  private PullStatements() {}

  static String source(String topic) {
    return "CREATE STREAM EVENTS (USERID BIGINT KEY, AMOUNT BIGINT, TS BIGINT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON');";
  }

  static String table() {
    return "CREATE TABLE " + TABLE + " AS SELECT USERID, COUNT(*) AS N FROM EVENTS GROUP BY USERID EMIT CHANGES;";
  }

  static String lookup(String table, long key) {
    return "SELECT * FROM " + table + " WHERE USERID = " + key + ";";
  }

  /** The JDBC form: the key is a PreparedStatement parameter. */
  static String preparedLookup(String table) {
    return "SELECT * FROM " + table + " WHERE USERID = ?";
  }
}
