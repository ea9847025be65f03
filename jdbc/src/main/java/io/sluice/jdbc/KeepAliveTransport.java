package io.sluice.jdbc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * The driver's transport to a plain-HTTP Sluice server: each Avatica request as one HTTP/1.1 POST
 * on a kept-alive socket, its answer read by its length or its chunks. Avatica's default client
 * (Apache HttpClient) stays in use for https and for authentication; this one is the default for
 * plain http because a key lookup through it costs the client a good deal less CPU (measured in
 * docs/benchmarks.md). Sockets are pooled, so that a statement can be cancelled from another thread
 * while a fetch waits.
 */
public final class KeepAliveTransport implements AvaticaHttpClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** As long as Avatica's own client waits for an answer by default. */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(3);
  /** Sockets idle longer than this are closed, not reused: the server closes them after 30 s. */
  private static final long IDLE_LIMIT_NANOS = Duration.ofSeconds(20).toNanos();
  private static final int MAX_IDLE = 8;

  private final URL url;
  private final byte[] head;
  private final Deque<Exchange> idle = new ArrayDeque<>();

  public KeepAliveTransport(URL url) {
    if (!"http".equalsIgnoreCase(url.getProtocol())) {
      throw new IllegalArgumentException("KeepAliveTransport speaks plain http, not " + url.getProtocol());
    }
    this.url = url;
    String path = url.getFile().isEmpty() ? "/" : url.getFile();
    this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port(url)
        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The server's answer to {@code request}: the body of a 200 or of a 500 (Avatica's error
   * responses). A socket the server closed while it was idle is replaced once, and only when
   * nothing of the answer had come, so a request is never sent twice after the server read it.
   */
  @Override
  public byte[] send(byte[] request) {
    boolean retried = false;
    while (true) {
      Exchange exchange = take();
      try {
        byte[] answer = exchange.post(request);
        give(exchange);
        return answer;
      } catch (StaleConnectionException e) {
        exchange.close();
        if (retried) {
          throw new IllegalStateException("Sluice server at " + url + " closed the connection: " + e.getMessage(), e);
        }
        // The other idle sockets are most likely closed too (a server restart): the retry gets a new one.
        closeIdle();
        retried = true;
      } catch (IOException e) {
        exchange.close();
        throw new IllegalStateException("Request to the Sluice server at " + url + " failed: " + e.getMessage(), e);
      }
    }
  }

  private Exchange take() {
    long now = System.nanoTime();
    synchronized (idle) {
      while (!idle.isEmpty()) {
        Exchange exchange = idle.pop();
        if (now - exchange.idleSince < IDLE_LIMIT_NANOS) {
          return exchange;
        }
        exchange.close();
      }
    }
    return new Exchange();
  }

  private void closeIdle() {
    synchronized (idle) {
      while (!idle.isEmpty()) {
        idle.pop().close();
      }
    }
  }

  private void give(Exchange exchange) {
    if (exchange.mustClose) {
      exchange.close();
      return;
    }
    exchange.idleSince = System.nanoTime();
    synchronized (idle) {
      if (idle.size() < MAX_IDLE) {
        idle.push(exchange);
        return;
      }
    }
    exchange.close();
  }

  private static int port(URL url) {
    return url.getPort() < 0 ? url.getDefaultPort() : url.getPort();
  }

  /** A failure before any byte of the answer came on a reused socket: the server had closed it. */
  private static final class StaleConnectionException extends IOException {
    StaleConnectionException(String message) {
      super(message);
    }
  }

  /** One socket to the server, for one request at a time. */
  private final class Exchange {

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean used;
    private boolean mustClose;
    private long idleSince;

    byte[] post(byte[] request) throws IOException {
      boolean reused = used;
      used = true;
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        socket.connect(new InetSocketAddress(url.getHost(), port(url)), (int) CONNECT_TIMEOUT.toMillis());
        socket.setSoTimeout((int) RESPONSE_TIMEOUT.toMillis());
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
      }
      byte[] length = (request.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] message = new byte[head.length + length.length + request.length];
      System.arraycopy(head, 0, message, 0, head.length);
      System.arraycopy(length, 0, message, head.length, length.length);
      System.arraycopy(request, 0, message, head.length + length.length, request.length);
      String status;
      try {
        out.write(message);
        out.flush();
        status = line();
      } catch (IOException e) {
        throw reused ? new StaleConnectionException(e.getMessage()) : e;
      }
      if (status == null) {
        if (reused) {
          throw new StaleConnectionException("no answer on a reused connection");
        }
        throw new EOFException("the server closed the connection without answering");
      }
      int code = statusCode(status);
      long contentLength = -1;
      boolean chunked = false;
      for (String header = line(); header != null && !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> contentLength = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> mustClose |= value.equalsIgnoreCase("close");
          default -> { }
        }
      }
      byte[] body = chunked ? chunks() : contentLength >= 0 ? in.readNBytes((int) contentLength) : untilClosed();
      if (contentLength >= 0 && body.length != contentLength) {
        throw new EOFException("the answer ended after " + body.length + " of " + contentLength + " bytes");
      }
      if (code != 200 && code != 500) {
        mustClose = true;
        throw new IOException("HTTP " + code + " from " + url + ": "
            + new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8));
      }
      return body;
    }

    private int statusCode(String status) throws IOException {
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("Not an HTTP answer: " + status);
      }
      try {
        return Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("Not an HTTP answer: " + status, e);
      }
    }

    private byte[] chunks() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = line();
        if (sizeLine == null) {
          throw new EOFException("the answer ended inside its chunks");
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
        if (size == 0) {
          for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
            // Trailers carry nothing Avatica needs.
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(size);
        if (chunk.length != size) {
          throw new EOFException("the answer ended inside a chunk");
        }
        body.write(chunk);
        line();
      }
    }

    private byte[] untilClosed() throws IOException {
      mustClose = true;
      return in.readAllBytes();
    }

    /** One CRLF-ended line of ASCII, without its end; null at the end of the stream before any byte. */
    private String line() throws IOException {
      StringBuilder text = new StringBuilder(64);
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          int end = text.length();
          return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
        }
        text.append((char) b);
      }
      if (text.length() == 0) {
        return null;
      }
      throw new EOFException("the answer ended inside a line");
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing is all that is left to do with it.
        }
      }
    }
  }
}
