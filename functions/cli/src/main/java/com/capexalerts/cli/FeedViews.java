package com.capexalerts.cli;

import com.capexalerts.core.poll.FeedCatalog;
import com.capexalerts.core.poll.FeedHealth;
import com.capexalerts.core.poll.FeedState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A feed as `status --json` and `feeds list --json` show it: the same fields as the API's GET /feeds. */
final class FeedViews {
  private FeedViews() {}

  static ObjectNode json(FeedState s, Instant now) {
    FeedHealth h = FeedHealth.of(s, now);
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", FeedCatalog.id(s.feedUrl()));
    n.put("url", s.feedUrl());
    n.put("name", s.name());
    n.put("listed", s.listed());
    n.put("enabled", s.enabled());
    n.put("status", h.status().wireName());
    n.put("stale", h.stale());
    n.put("last_success", text(s.lastSuccess()));
    n.put("last_error", s.lastError());
    n.put("last_error_class", s.lastErrorClass() == null ? null : s.lastErrorClass().wireName());
    n.put("last_error_at", text(s.lastErrorAt()));
    n.put("consecutive_failures", s.consecutiveFailures());
    n.put("next_attempt_at", text(s.nextAttemptAt()));
    n.put("last_new_item_at", text(s.lastNewItemAt()));
    n.put("usual_gap", s.newItemGap() == null ? null : s.newItemGap().toString());
    n.put("stale_after", text(FeedHealth.staleAfter(s)));
    return n;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
