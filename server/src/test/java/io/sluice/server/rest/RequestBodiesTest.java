package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javalin.http.Context;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Small bodies with a length are read directly; the others as Javalin reads them. */
class RequestBodiesTest {

  private static Context context(long contentLength, byte[] sent, byte[] javalinsReading) {
    ByteArrayInputStream bytes = new ByteArrayInputStream(sent);
    ServletInputStream stream = new ServletInputStream() {
      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return bytes.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {}
    };
    HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(RequestBodiesTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getContentLengthLong" -> contentLength;
          case "getInputStream" -> stream;
          default -> throw new UnsupportedOperationException(method.getName());
        });
    return (Context) Proxy.newProxyInstance(RequestBodiesTest.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "req" -> request;
          case "bodyAsBytes" -> javalinsReading;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void aBodyWithItsLengthIsReadExactly() {
    byte[] body = "{\"sql\":\"SELECT 1;\"}".getBytes();
    assertArrayEquals(body, RequestBodies.bytes(context(body.length, body, null)));
  }

  @Test
  void aBodyWithoutALengthOrTooLargeIsReadByJavalin() {
    byte[] javalins = "read by Javalin".getBytes();
    assertArrayEquals(javalins, RequestBodies.bytes(context(-1, "chunked".getBytes(), javalins)));
    assertArrayEquals(javalins, RequestBodies.bytes(context(RequestBodies.DIRECT_LIMIT + 1, new byte[0], javalins)));
  }

  @Test
  void aBodyShorterThanItsLengthIsAnError() {
    assertThrows(UncheckedIOException.class, () -> RequestBodies.bytes(context(10, "short".getBytes(), null)));
  }
}
