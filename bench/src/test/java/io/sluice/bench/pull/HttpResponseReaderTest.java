package io.sluice.bench.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

  private static HttpResponseReader reader(String wire) {
    return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void readsChunkedThenSizedResponsesFromOneKeepAliveConnection() throws IOException {
    HttpResponseReader reader = reader(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
            + "5\r\n{\"a\":\r\na;ext=1\r\n1}\n[42,7]\n\r\n0\r\n\r\n"
            + "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\nConnection: close\r\n\r\n{}");
    HttpResponseReader.Response first = reader.read();
    assertEquals(200, first.status());
    assertEquals("{\"a\":1}\n[42,7]\n", first.bodyText());
    assertFalse(first.close());
    HttpResponseReader.Response second = reader.read();
    assertEquals(404, second.status());
    assertEquals("{}", second.bodyText());
    assertTrue(second.close());
  }

  @Test
  void aConnectionClosedInsideABodyIsAnErrorNotAShortAnswer() {
    assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}").read());
    assertThrows(EOFException.class,
        () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{}").read());
  }

  @Test
  void aResponseWithoutFramingIsRejected() {
    assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\n\r\nbody").read());
    assertThrows(IOException.class, () -> reader("SSH-2.0-OpenSSH\r\n\r\n").read());
  }
}
