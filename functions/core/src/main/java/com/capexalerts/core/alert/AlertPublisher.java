package com.capexalerts.core.alert;

/** Sends one event's alert to every subscriber channel (SNS in the cloud, an outbox file locally). */
public interface AlertPublisher {
  /**
   * Publishes the alert. Returns the message id. Throws when the message was not accepted, so the caller retries.
   */
  String publish(Announcement announcement);
}
