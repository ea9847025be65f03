package io.sluice.bench.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HttpLookupTargetTest {

  @Test
  void readsTheCountOfTheRequestedKeyOnly() throws IOException {
    String queryStream = "{\"queryId\":\"q1\",\"columnNames\":[\"USERID\",\"N\"],\"columnTypes\":[\"BIGINT\",\"BIGINT\"]}\n"
        + "[42,7]\n";
    assertEquals(7, HttpLookupTarget.countAfter(queryStream, "\n[42,"));
    assertEquals(-1, HttpLookupTarget.countAfter(queryStream, "\n[4,"));
    assertEquals(12, HttpLookupTarget.countAfter("[{\"row\":{\"columns\":[42,12]}}]", "\"columns\":[42,"));
    assertEquals(3, HttpLookupTarget.countAfter("{\"USERID\":42,\"N\":3}", "{\"USERID\":42,\"N\":"));
  }

  @Test
  void aRowWithMoreColumnsOrNoCountIsAnError() {
    assertThrows(IOException.class, () -> HttpLookupTarget.countAfter("[42,7,1]", "[42,"));
    assertThrows(IOException.class, () -> HttpLookupTarget.countAfter("[42,null]", "[42,"));
    assertThrows(IOException.class, () -> HttpLookupTarget.countAfter("[42,7", "[42,"));
  }
}
