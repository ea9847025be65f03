package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pull answer goes out in one write with its length, and a large one as it comes. */
class WholeBodyTest {

  /** What a response was given: its content length, if set, and each write that reached the socket side. */
  private static final class Recorded {
    Integer contentLength;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> writes = new ArrayList<>();
    int flushes;

    HttpServletResponse response() {
      ServletOutputStream stream = new ServletOutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          writes.add(len);
          bytes.write(b, off, len);
        }

        @Override
        public void flush() {
          flushes++;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };
      return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
            case "setContentLength" -> {
              assertEquals(0, writes.size(), "the length is set before the body");
              contentLength = (Integer) args[0];
              yield null;
            }
            case "getOutputStream" -> stream;
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }

  @Test
  void smallBodyIsSentInOneWriteWithItsLengthWhenClosed() throws IOException {
    Recorded recorded = new Recorded();
    byte[] header = "{\"queryId\":\"q1\"}\n".getBytes();
    byte[] row = "[42,5]\n".getBytes();
    try (WholeBody body = new WholeBody(recorded.response())) {
      body.write(header);
      body.flush();
      body.write(row);
      body.flush();
      assertEquals(List.of(), recorded.writes, "nothing is sent before the body is finished");
    }
    assertEquals(header.length + row.length, recorded.contentLength);
    assertEquals(List.of(header.length + row.length), recorded.writes);
    assertEquals("{\"queryId\":\"q1\"}\n[42,5]\n", recorded.bytes.toString());
  }

  @Test
  void bodyPastTheLimitIsSentAsItComesWithoutALength() throws IOException {
    Recorded recorded = new Recorded();
    byte[] chunk = new byte[WholeBody.LIMIT / 4 + 1];
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (WholeBody body = new WholeBody(recorded.response())) {
      for (int i = 0; i < 6; i++) {
        Arrays.fill(chunk, (byte) ('a' + i));
        body.write(chunk);
        expected.write(chunk);
      }
      assertEquals(4, recorded.writes.size(), "the three held writes at once, then each write from the one that outgrew them");
    }
    assertNull(recorded.contentLength);
    assertArrayEquals(expected.toByteArray(), recorded.bytes.toByteArray());
  }

  @Test
  void emptyBodyHasLengthZero() throws IOException {
    Recorded recorded = new Recorded();
    new WholeBody(recorded.response()).close();
    assertEquals(0, recorded.contentLength);
    assertEquals(0, recorded.bytes.size());
  }
}
