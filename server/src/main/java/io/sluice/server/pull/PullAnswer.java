package io.sluice.server.pull;

import java.util.List;

/** The rows a pull query read, and whether any of them came from a standby copy of their partition. */
record PullAnswer(List<Object[]> rows, boolean fromStandby) {}
