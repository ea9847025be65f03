package io.sluice.bench.pull;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 response at a time from a keep-alive connection: the status, and the body
 * whether sized by Content-Length or chunked. Only what the benchmark's servers send is handled
 * (no trailers, no 1xx responses); anything else fails loudly rather than being misread.
 */
final class HttpResponseReader {

  /** One response: its status code and its body (the chunks joined), and whether the server closes the connection. */
  record Response(int status, byte[] body, boolean close) {

    String bodyText() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private final InputStream in;
  private final StringBuilder line = new StringBuilder(128);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(512);

  /** {@code in} should be buffered: the reader takes it a byte at a time for the head and chunk sizes. */
  HttpResponseReader(InputStream in) {
    this.in = in;
  }

  Response read() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line: '" + header + "'");
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase().contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    body.reset();
    if (chunked) {
      readChunks();
    } else if (contentLength >= 0) {
      copy(contentLength);
    } else {
      throw new IOException("a response with neither Content-Length nor chunked encoding (HTTP " + status + ")");
    }
    return new Response(status, body.toByteArray(), close);
  }

  private void readChunks() throws IOException {
    while (true) {
      String sizeLine = readLine();
      int extension = sizeLine.indexOf(';');
      long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
      if (size == 0) {
        if (!readLine().isEmpty()) {
          throw new IOException("trailers after the last chunk are not supported");
        }
        return;
      }
      copy(size);
      if (!readLine().isEmpty()) {
        throw new IOException("a chunk longer than its size");
      }
    }
  }

  private void copy(long length) throws IOException {
    for (long i = 0; i < length; i++) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection closed inside a response body");
      }
      body.write(b);
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection closed inside a response head");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }
}
