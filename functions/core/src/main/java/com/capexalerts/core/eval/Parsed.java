package com.capexalerts.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * What could be read from a file, plus one message per part that could not ("file line 7 (id dev-007): why").
 * Bad lines are skipped, the rest is kept.
 */
public record Parsed<T>(T value, List<String> errors) {
  public Parsed {
    Objects.requireNonNull(value, "value");
    errors = List.copyOf(errors);
  }
}
