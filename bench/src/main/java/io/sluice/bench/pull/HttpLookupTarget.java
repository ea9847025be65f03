package io.sluice.bench.pull;

import java.io.IOException;
import java.net.URI;
import java.util.function.LongFunction;

/**
 * Key lookups over HTTP: a POST with a small JSON body per key, the count read back from the
 * answer's row. The row is found by the text that precedes the count (the key, in the endpoint's
 * own format), so an answer for another key, or with a wrong count, cannot pass.
 */
final class HttpLookupTarget implements LookupTarget {

  static final String BARE_NAME = "bare IQv2 route";

  private final String name;
  private final URI base;
  private final String path;
  private final LongFunction<String> body;
  private final LongFunction<String> countMarker;

  /**
   * @param body the request body for a key
   * @param countMarker the text that immediately precedes the key's count in the answer
   */
  HttpLookupTarget(String name, URI base, String path, LongFunction<String> body, LongFunction<String> countMarker) {
    this.name = name;
    this.base = base;
    this.path = path;
    this.body = body;
    this.countMarker = countMarker;
  }

  /** The hand-written route: {@code {"key":K}} answered by {@code {"USERID":K,"N":C}}. */
  static HttpLookupTarget bare(URI base) {
    return new HttpLookupTarget(BARE_NAME, base, BareLookupService.PATH,
        key -> "{\"key\":" + key + "}", key -> "{\"USERID\":" + key + ",\"N\":");
  }

  /** Sluice's {@code POST /query-stream}: a header line, then the row {@code [K,C]} on a line of its own. */
  static HttpLookupTarget queryStream(URI base, String table) {
    return new HttpLookupTarget("sluice /query-stream", base, "/query-stream",
        key -> "{\"sql\":\"" + PullStatements.lookup(table, key) + "\"}", key -> "\n[" + key + ",");
  }

  /** Sluice's {@code POST /query}: ksqlDB's JSON array, the row as {@code {"row":{"columns":[K,C]}}}. */
  static HttpLookupTarget query(URI base, String table) {
    return new HttpLookupTarget("sluice /query", base, "/query",
        key -> "{\"ksql\":\"" + PullStatements.lookup(table, key) + "\"}", key -> "\"columns\":[" + key + ",");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Client open() {
    HttpConnection connection = new HttpConnection(base, path);
    return new Client() {
      @Override
      public long lookup(long key) throws IOException {
        HttpResponseReader.Response response = connection.post(body.apply(key));
        String text = response.bodyText();
        if (response.status() != 200) {
          throw new IOException(name + " answered HTTP " + response.status() + ": " + text);
        }
        return countAfter(text, countMarker.apply(key));
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }

  /** The whole number right after {@code marker} in {@code text}, or -1 if the marker is not there. */
  static long countAfter(String text, String marker) throws IOException {
    int at = text.indexOf(marker);
    if (at < 0) {
      return -1;
    }
    int start = at + marker.length();
    int end = start;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    if (end == start || end == text.length() || (text.charAt(end) != ']' && text.charAt(end) != '}')) {
      throw new IOException("no count after '" + marker + "' in: " + text);
    }
    return Long.parseLong(text, start, end, 10);
  }
}
