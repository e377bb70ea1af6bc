package com.capexalerts.core.scale;

import java.util.List;

/** Where workers hand findings over for decision (production: an SQS FIFO queue grouped by company). */
@FunctionalInterface
public interface DecisionSink {
  /** Returns once every request is durably accepted; throws otherwise (the worker then keeps the feed's old state). */
  void submit(List<DecisionRequest> requests);
}
