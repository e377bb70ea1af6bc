package com.capexalerts.core.scale;

import com.capexalerts.core.poll.Feed;
import java.util.List;

/** Where the scheduler sends due feeds, many per message (production: an SQS queue the workers consume). */
@FunctionalInterface
public interface WorkQueue {
  /** Sends one message per batch; throws when any could not be sent. */
  void send(List<List<Feed>> batches);
}
