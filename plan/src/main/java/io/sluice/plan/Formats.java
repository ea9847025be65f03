package io.sluice.plan;

import java.util.Objects;

/** The key and value formats of a topic that a source reads or a sink writes. */
public record Formats(SerdeFormat keyFormat, SerdeFormat valueFormat) {

  public Formats {
    Objects.requireNonNull(keyFormat, "keyFormat");
    Objects.requireNonNull(valueFormat, "valueFormat");
  }
}
