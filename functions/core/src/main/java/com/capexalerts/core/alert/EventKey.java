package com.capexalerts.core.alert;

import java.util.Objects;

/** The id of one real-world event (one company's one pledge), however many outlets carry it. */
public record EventKey(String value) {
  public EventKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("event key must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
