package com.capexalerts.pollworker;

import java.util.Map;

/** Environment readers both handlers share (no clients here: reading settings must not build them). */
final class Env {
  private Env() {}

  static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return v.strip();
  }

  static int number(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, was '" + v + "'");
    }
  }
}
