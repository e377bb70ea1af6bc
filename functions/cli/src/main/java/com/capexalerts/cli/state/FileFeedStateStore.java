package com.capexalerts.cli.state;

import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;

/** Feed states in {@code feeds.json}, keyed by feed URL, with the DynamoDB attribute names. */
public final class FileFeedStateStore implements FeedStateStore {
  static final String FILE = "feeds.json";
  private final StateDirectory dir;

  FileFeedStateStore(StateDirectory dir) {
    this.dir = dir;
  }

  public FileFeedStateStore(Path stateDirectory) {
    this(new StateDirectory(stateDirectory));
  }

  @Override
  public FeedState load(String feedUrl) {
    return dir.locked(() -> {
      JsonNode n = dir.read(FILE).get(feedUrl);
      if (n == null || !n.isObject()) {
        return FeedState.fresh(feedUrl);
      }
      return new FeedState(feedUrl, text(n, "etag"), text(n, "last_modified"), instant(n, "last_success"),
          n.path("consecutive_failures").asInt(0), text(n, "last_error"), instant(n, "next_attempt_at"));
    });
  }

  @Override
  public void save(FeedState state) {
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      ObjectNode n = all.putObject(state.feedUrl());
      putIfPresent(n, "etag", state.etag());
      putIfPresent(n, "last_modified", state.lastModified());
      putIfPresent(n, "last_success", state.lastSuccess() == null ? null : state.lastSuccess().toString());
      n.put("consecutive_failures", state.consecutiveFailures());
      putIfPresent(n, "last_error", state.lastError());
      putIfPresent(n, "next_attempt_at", state.nextAttemptAt() == null ? null : state.nextAttemptAt().toString());
      dir.write(FILE, all);
      return null;
    });
  }

  static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Instant instant(JsonNode n, String field) {
    String v = text(n, field);
    return v == null ? null : Instant.parse(v);
  }
}
