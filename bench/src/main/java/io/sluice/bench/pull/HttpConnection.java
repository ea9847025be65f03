package io.sluice.bench.pull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs small JSON bodies and reads the answers: a plain
 * socket, a request head written by hand and {@link HttpResponseReader}, so the load generator
 * costs as little CPU as possible on the cores it shares with the servers it measures.
 */
final class HttpConnection implements AutoCloseable {

  private final String host;
  private final int port;
  private final byte[] headPrefix;
  private Socket socket;
  private OutputStream out;
  private HttpResponseReader reader;
  private final byte[] buffer = new byte[1024];

  HttpConnection(URI base, String path) {
    this.host = base.getHost();
    this.port = base.getPort();
    this.headPrefix = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends one request with this JSON body (ASCII) and returns its response, reconnecting first if needed. */
  HttpResponseReader.Response post(String body) throws IOException {
    if (socket == null) {
      connect();
    }
    int length = body.length();
    byte[] lengthDigits = Integer.toString(length).getBytes(StandardCharsets.US_ASCII);
    int size = headPrefix.length + lengthDigits.length + 4 + length;
    byte[] request = size <= buffer.length ? buffer : new byte[size];
    System.arraycopy(headPrefix, 0, request, 0, headPrefix.length);
    int at = headPrefix.length;
    System.arraycopy(lengthDigits, 0, request, at, lengthDigits.length);
    at += lengthDigits.length;
    request[at++] = '\r';
    request[at++] = '\n';
    request[at++] = '\r';
    request[at++] = '\n';
    for (int i = 0; i < length; i++) {
      request[at++] = (byte) body.charAt(i);
    }
    try {
      out.write(request, 0, at);
      out.flush();
      HttpResponseReader.Response response = reader.read();
      if (response.close()) {
        close();
      }
      return response;
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 10_000);
    socket.setSoTimeout(30_000);
    out = socket.getOutputStream();
    reader = new HttpResponseReader(new BufferedInputStream(socket.getInputStream(), 8192));
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing after a failure; the next request opens a new connection
      }
      socket = null;
    }
  }
}
