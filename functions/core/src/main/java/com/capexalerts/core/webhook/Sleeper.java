package com.capexalerts.core.webhook;

import java.time.Duration;

/** Waits between attempts. Tests inject one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return Thread::sleep;
  }
}
