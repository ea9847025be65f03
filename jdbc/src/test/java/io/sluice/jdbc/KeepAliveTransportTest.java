package io.sluice.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeepAliveTransportTest {

  /**
   * A server that answers each request on a connection with what {@code answer} gives for (the
   * connection's number, the request's number on it); a null answer closes the connection unanswered.
   */
  private static final class ScriptedServer implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0);
    final AtomicInteger connections = new AtomicInteger();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedServer(BiFunction<Integer, Integer, String> answer) throws IOException {
      acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket socket = server.accept()) {
            int connection = connections.incrementAndGet();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int request = 1; ; request++) {
              byte[] body = readRequest(in);
              if (body == null) {
                break;
              }
              bodies.add(new String(body, StandardCharsets.UTF_8));
              String response = answer.apply(connection, request);
              if (response == null) {
                break;
              }
              out.write(response.getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
          } catch (IOException e) {
            // The test closed the server.
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    URL url() throws IOException {
      return new URL("http://127.0.0.1:" + server.getLocalPort() + "/jdbc");
    }

    private static byte[] readRequest(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      int b;
      while (!head.toString().endsWith("\r\n\r\n")) {
        if ((b = in.read()) < 0) {
          return null;
        }
        head.append((char) b);
      }
      int length = 0;
      for (String line : head.toString().split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      return in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private ScriptedServer server;

  @AfterEach
  void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static String withLength(int status, String body) {
    return "HTTP/1.1 " + status + " X\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body;
  }

  @Test
  void answersByLengthAndInChunksComeBackOnOneKeptSocket() throws IOException {
    server = new ScriptedServer((connection, request) -> request == 1 ? withLength(200, "first")
        : "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nsec\r\n4;x=y\r\nond!\r\n0\r\n\r\n");
    KeepAliveTransport transport = new KeepAliveTransport(server.url());
    assertArrayEquals("first".getBytes(), transport.send("a".getBytes()));
    assertArrayEquals("second!".getBytes(), transport.send("bb".getBytes()));
    assertEquals(1, server.connections.get());
    assertEquals(List.of("a", "bb"), server.bodies);
  }

  @Test
  void aSocketTheServerClosedWhileIdleIsReplacedOnce() throws IOException {
    // The first connection answers once, then closes as a server's idle timeout would.
    server = new ScriptedServer((connection, request) -> connection == 1 && request > 1 ? null
        : withLength(200, "answer " + connection + "." + request));
    KeepAliveTransport transport = new KeepAliveTransport(server.url());
    assertArrayEquals("answer 1.1".getBytes(), transport.send("x".getBytes()));
    assertArrayEquals("answer 2.1".getBytes(), transport.send("y".getBytes()));
    assertEquals(2, server.connections.get());
  }

  @Test
  void avaticaErrorsIn500sAreAnswersAndOtherStatusesFail() throws IOException {
    server = new ScriptedServer((connection, request) -> request == 1 ? withLength(500, "error response")
        : withLength(404, "Not found"));
    KeepAliveTransport transport = new KeepAliveTransport(server.url());
    assertArrayEquals("error response".getBytes(), transport.send("x".getBytes()));
    IllegalStateException failed = assertThrows(IllegalStateException.class, () -> transport.send("y".getBytes()));
    assertTrue(failed.getMessage().contains("HTTP 404"), failed.getMessage());
  }

  @Test
  void aServerThatIsNotThereIsAClearFailure() throws IOException {
    URL url;
    try (ServerSocket closed = new ServerSocket(0)) {
      url = new URL("http://127.0.0.1:" + closed.getLocalPort() + "/jdbc");
    }
    KeepAliveTransport transport = new KeepAliveTransport(url);
    IllegalStateException failed = assertThrows(IllegalStateException.class, () -> transport.send("x".getBytes()));
    assertTrue(failed.getMessage().contains(url.toString()), failed.getMessage());
  }
}
