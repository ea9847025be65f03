package io.sluice.server.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure inside a request into a JSON error in ksqlDB's shape, so no request can take
 * the server down or answer with an HTML page: unknown routes give 404, anything thrown gives 500.
 */
public final class ErrorHandling {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

  private ErrorHandling() {}

  public static void addTo(JavalinConfig config) {
    config.routes.exception(EndpointNotFound.class, ErrorHandling::notFound);
    config.routes.exception(HttpResponseException.class, ErrorHandling::httpError);
    config.routes.exception(Exception.class, ErrorHandling::unexpected);
    config.router.javaLangErrorHandler(ErrorHandling::fatal);
  }

  private static void notFound(EndpointNotFound e, Context ctx) {
    send(ctx, HttpStatus.NOT_FOUND.getCode(), "Not found: " + ctx.method() + " " + ctx.path());
  }

  private static void httpError(HttpResponseException e, Context ctx) {
    send(ctx, e.getStatus(), e.getMessage());
  }

  private static void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    send(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), describe(e));
  }

  private static void fatal(HttpServletResponse response, Error error) {
    LOG.error("A request failed with {}", error.toString(), error);
    try {
      int status = HttpStatus.INTERNAL_SERVER_ERROR.getCode();
      byte[] body = Json.mapper().writeValueAsBytes(ErrorMessage.generic(status, describe(error)));
      response.setStatus(status);
      response.setContentType("application/json");
      response.getOutputStream().write(body);
    } catch (IOException | IllegalStateException unwritable) {
      LOG.warn("Could not send the error response: {}", unwritable.toString());
    }
  }

  /** Sends an error body with the given status; route handlers use this for their own errors too. */
  public static void send(Context ctx, int httpStatus, String message) {
    ctx.status(httpStatus).json(ErrorMessage.generic(httpStatus, message));
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }
}
