package com.capexalerts.core.scale;

import java.util.List;

/** Where the scheduler sends due feeds, many per message (production: an SQS queue the workers consume). */
@FunctionalInterface
public interface WorkQueue {
  /** Sends one message per batch of due feeds (with their state); throws when any could not be sent. */
  void send(List<List<PollState>> batches);
}
