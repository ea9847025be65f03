package io.sluice.bench.pull;

/** A way to look up one key's count: a server's endpoint and its request and response formats. */
interface LookupTarget {

  /** The name the report uses, e.g. {@code sluice /query-stream}. */
  String name();

  /** Opens one client's own connection. */
  Client open() throws Exception;

  /** One client's connection; used by one thread at a time. */
  interface Client extends AutoCloseable {

    /**
     * The count stored for {@code key}, or -1 if the answer holds no row for it.
     *
     * @throws Exception if the request fails or the answer is not a well-formed one for the key
     */
    long lookup(long key) throws Exception;

    @Override
    void close();
  }
}
