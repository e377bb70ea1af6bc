package com.capexalerts.cli;

import com.capexalerts.core.poll.FeedHealthJson;
import com.capexalerts.core.poll.FeedState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A feed as `status --json` and `feeds list --json` show it: the same fields as the API's GET /feeds. */
final class FeedViews {
  private FeedViews() {}

  static ObjectNode json(FeedState s, Instant now) {
    return FeedHealthJson.of(s, now, Json.MAPPER);
  }
}
