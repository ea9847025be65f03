package io.sluice.server.jdbc;

import io.sluice.server.entity.StatementErrorEntity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.Meta.Signature;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.apache.calcite.avatica.NoSuchStatementException;

/** The JDBC connections open on this node, each with its per-query properties and open statements. */
final class OpenConnections {

  /** One client connection. */
  private record Connection(Map<String, String> properties, Map<Integer, OpenStatement> statements, AtomicInteger ids) {}

  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  /**
   * Opens connection {@code id}. Avatica's own options have no dot; dotted ones
   * ({@code auto.offset.reset}, ...) become properties of every query on the connection.
   */
  void open(String id, Map<String, String> info) {
    Map<String, String> properties = new ConcurrentHashMap<>();
    if (info != null) {
      info.forEach((key, value) -> {
        if (key.contains(".") && value != null && !key.startsWith("sluice.jdbc.")) {
          properties.put(key, value);
        }
      });
    }
    connections.putIfAbsent(id, new Connection(properties, new ConcurrentHashMap<>(), new AtomicInteger()));
  }

  /** Closes connection {@code id} and its statements, ending their queries. */
  void close(String id) {
    Connection connection = connections.remove(id);
    if (connection != null) {
      connection.statements().values().forEach(OpenStatement::close);
    }
  }

  void closeAll() {
    List.copyOf(connections.keySet()).forEach(this::close);
  }

  /** Ends the results no client has read for {@code idle}; returns how many. */
  int closeUnread(Duration idle) {
    int closed = 0;
    for (Connection connection : connections.values()) {
      for (OpenStatement statement : connection.statements().values()) {
        if (statement.unreadFor(idle)) {
          statement.closeResults();
          closed++;
        }
      }
    }
    return closed;
  }

  /** The per-query properties of connection {@code id}, which must be open. */
  Map<String, String> properties(String id) {
    return connection(id).properties();
  }

  /** A new statement on connection {@code id}. */
  OpenStatement newStatement(String id, Signature signature) {
    Connection connection = connection(id);
    int statementId = connection.ids().incrementAndGet();
    OpenStatement statement = new OpenStatement(new StatementHandle(id, statementId, signature));
    connection.statements().put(statementId, statement);
    return statement;
  }

  /** Closes a statement; metadata result sets have no connection or statement behind them, and are ignored. */
  void closeStatement(StatementHandle h) {
    Connection connection = h.connectionId == null ? null : connections.get(h.connectionId);
    OpenStatement statement = connection == null ? null : connection.statements().remove(h.id);
    if (statement != null) {
      statement.close();
    }
  }

  OpenStatement statement(StatementHandle h) throws NoSuchStatementException {
    OpenStatement statement = connection(h.connectionId).statements().get(h.id);
    if (statement == null) {
      throw new NoSuchStatementException(h);
    }
    return statement;
  }

  private Connection connection(String id) {
    Connection connection = id == null ? null : connections.get(id);
    if (connection == null) {
      throw JdbcErrors.error("Connection " + id + " is not open on this server (was the server restarted?)", "08003",
          StatementErrorEntity.BAD_STATEMENT);
    }
    return connection;
  }
}
