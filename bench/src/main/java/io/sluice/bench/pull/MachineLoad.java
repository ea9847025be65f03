package io.sluice.bench.pull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, recorded beside the figures since other jobs share its cores. */
final class MachineLoad {

  private MachineLoad() {}

  /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown" where there is none. */
  static String averages() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
