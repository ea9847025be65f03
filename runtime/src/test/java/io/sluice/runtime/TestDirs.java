package io.sluice.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh state directories for test drivers, under target/, so that runs never share RocksDB state. */
final class TestDirs {

  private TestDirs() {}

  static Path fresh(String prefix) {
    try {
      Path base = Path.of("target", "state");
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
