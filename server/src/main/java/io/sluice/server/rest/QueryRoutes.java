package io.sluice.server.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParseException;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlPrint;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.server.ServerComponent;
import io.sluice.server.ServerContext;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.print.TopicPrinter;
import io.sluice.server.results.QueryFormat;
import io.sluice.server.results.SelectRunner;
import io.sluice.server.results.SelectStatements;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /query}: the streaming endpoint. Runs PRINT, streaming the topic's records as text
 * lines over a chunked response, and SELECT, streaming its results in ksqlDB's {@code /query}
 * shape ({@link QueryFormat}) through the server's {@link SelectRunner}.
 */
public final class QueryRoutes implements RestRoutes, ServerComponent {

  private static final Logger LOG = LoggerFactory.getLogger(QueryRoutes.class);

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final SelectRunner selects;

  public QueryRoutes(SelectRunner selects) {
    this.selects = selects;
  }

  /** False once the server is stopping: streaming responses end. */
  public boolean running() {
    return running.get();
  }

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    TopicPrinter printer = new TopicPrinter(context.kafkaClientConfig());
    routes.post("/query", ctx -> handle(ctx, context, printer));
  }

  @Override
  public void start(ServerContext context) {
    running.set(true);
  }

  /** Ends every PRINT and SELECT response in progress, so that shutdown does not wait for clients. */
  @Override
  public void beforeStop() {
    running.set(false);
  }

  @Override
  public void close() {
    beforeStop();
  }

  private void handle(Context ctx, ServerContext context, TopicPrinter printer) throws IOException {
    KsqlRoutes.KsqlRequest request = KsqlRoutes.KsqlRequest.parse(RequestBodies.bytes(ctx));
    if (request.error() != null) {
      badRequest(ctx, request.error(), "", 0, 0);
      return;
    }
    if (SelectStatements.startsWithSelect(request.ksql())) {
      // The runner parses only what it must: a repeated pull query is not parsed at all.
      SelectResponses.stream(ctx, selects, request.ksql(), request.streamsProperties(), new QueryFormat(), running::get);
      return;
    }
    List<ParsedStatement> statements;
    try {
      statements = SluiceParser.parse(request.ksql());
    } catch (SluiceParseException e) {
      badRequest(ctx, e.getMessage(), e.statementText(), e.line(), e.column());
      return;
    }
    if (statements.size() != 1) {
      badRequest(ctx, "/query takes exactly one statement, not " + statements.size(), request.ksql(), 1, 1);
      return;
    }
    ParsedStatement statement = statements.get(0);
    int line = statement.node().getParserPosition().getLineNum();
    int column = statement.node().getParserPosition().getColumnNum();
    if (statement.node() instanceof SqlQueryStatement) {
      SelectResponses.stream(ctx, selects, request.ksql(), request.streamsProperties(), new QueryFormat(), running::get);
      return;
    }
    if (!(statement.node() instanceof SqlPrint print)) {
      badRequest(ctx, "/query runs PRINT and SELECT; send other statements to /ksql", statement.text(), line, column);
      return;
    }
    if (!context.topics().exists(print.topic())) {
      badRequest(ctx, "Could not find topic '" + print.topic() + "'", statement.text(), line, column);
      return;
    }
    ctx.contentType("text/plain; charset=utf-8");
    try {
      // The servlet's own stream: Javalin's holds small writes back to decide on compression, so a
      // PRINT that has not reached its LIMIT showed nothing.
      printer.print(print, ctx.res().getOutputStream(), running::get);
    } catch (IOException | InterruptException e) {
      LOG.debug("PRINT ended early: {}", e.toString());
    }
  }

  private static void badRequest(Context ctx, String message, String statementText, int line, int column) {
    ctx.status(400).json(StatementErrorEntity.of(
        StatementErrorEntity.BAD_STATEMENT, message, statementText, line, column, List.of()));
  }
}
