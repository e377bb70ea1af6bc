package com.capexalerts.core.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A feed with its health as JSON: the fields of docs/api.md, shared by `GET /feeds` and `status --json`. */
public final class FeedHealthJson {
  private FeedHealthJson() {}

  public static ObjectNode of(FeedState s, Instant now, ObjectMapper mapper) {
    FeedHealth h = FeedHealth.of(s, now);
    ObjectNode n = mapper.createObjectNode();
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
