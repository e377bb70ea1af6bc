package com.capexalerts.notifier;

import com.capexalerts.core.alert.AlertPublisher;
import com.capexalerts.core.alert.Announcement;
import java.util.ArrayList;
import java.util.List;

/** Publishes to a list; the first {@code failures} calls throw like a publish that SNS did not accept. */
class RecordingPublisher implements AlertPublisher {
  private final List<Announcement> published = new ArrayList<>();
  private int failures;
  private int attempts;

  RecordingPublisher() {
    this(0);
  }

  RecordingPublisher(int failures) {
    this.failures = failures;
  }

  @Override
  public synchronized String publish(Announcement announcement) {
    attempts++;
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("topic unavailable (simulated outage, attempt " + attempts + ")");
    }
    published.add(announcement);
    return "msg-" + published.size();
  }

  /** Fails the next {@code n} publishes. */
  synchronized void failNext(int n) {
    failures = n;
  }

  synchronized List<Announcement> published() {
    return List.copyOf(published);
  }

  synchronized int attempts() {
    return attempts;
  }
}
