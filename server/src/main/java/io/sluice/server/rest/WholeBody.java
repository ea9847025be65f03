package io.sluice.server.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body held back until it is finished, then sent in one write with its
 * {@code Content-Length}, rather than chunked; one that outgrows {@link #LIMIT} is sent chunked
 * from then on, so a large answer is not held in memory twice.
 */
final class WholeBody extends OutputStream {

  /** The largest body held back: a pull query's key lookups fit many times over. */
  static final int LIMIT = 64 * 1024;

  private final HttpServletResponse response;
  private ByteArrayOutputStream held = new ByteArrayOutputStream(512);
  private OutputStream out;

  WholeBody(HttpServletResponse response) {
    this.response = response;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (out == null && held.size() + length <= LIMIT) {
      held.write(bytes, offset, length);
      return;
    }
    if (out == null) {
      out = response.getOutputStream();
      held.writeTo(out);
      held = null;
    }
    out.write(bytes, offset, length);
  }

  /** Nothing until the body is finished or past the limit: a flush would start a chunked response. */
  @Override
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  /** Sends the body: whole, with its length, if it was held back. */
  @Override
  public void close() throws IOException {
    if (out == null) {
      response.setContentLength(held.size());
      out = response.getOutputStream();
      held.writeTo(out);
      held = null;
    }
    out.flush();
  }
}
