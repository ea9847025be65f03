package io.sluice.server.rest;

import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads request bodies for the query routes. A small body with a Content-Length is read straight
 * into an array of its size: Javalin's own reading copies every body through fresh buffers, which
 * for a key lookup was a fifth of all the bytes the server allocated. Other bodies are read by
 * Javalin, within its request size limit.
 */
public final class RequestBodies {

  /** Bodies up to this size are read directly; well below Javalin's default request size limit (1 MB). */
  static final int DIRECT_LIMIT = 64 * 1024;

  private RequestBodies() {}

  /** The whole body, read once; a route calls this instead of Javalin's {@code body()} methods. */
  public static byte[] bytes(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length < 0 || length > DIRECT_LIMIT) {
      return ctx.bodyAsBytes();
    }
    try {
      byte[] body = ctx.req().getInputStream().readNBytes((int) length);
      if (body.length != length) {
        throw new EOFException("the request body ended after " + body.length + " of " + length + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
