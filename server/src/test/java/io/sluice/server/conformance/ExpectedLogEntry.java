package io.sluice.server.conformance;

/** A processing-log entry a case expects: its type, the bad record's partition and offset, and part of the reason. */
record ExpectedLogEntry(String type, int partition, long offset, String reasonFragment) {}
