package com.capexalerts.cli.state;

import com.capexalerts.core.fetch.FailureClass;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Feed states in {@code feeds.json}, keyed by feed URL, with the DynamoDB attribute names. */
public final class FileFeedStateStore implements FeedStateStore {
  static final String FILE = "feeds.json";
  /** Not a URL: the key of the seeding mark ({@link #claimSeeding}). */
  static final String SEEDED = "#seeded";
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
      if (n == null || !n.isObject() || feedUrl.equals(SEEDED)) {
        return FeedState.fresh(feedUrl);
      }
      return read(feedUrl, n);
    });
  }

  private static FeedState read(String feedUrl, JsonNode n) {
    String gap = text(n, "new_item_gap");
    return new FeedState(feedUrl, text(n, "etag"), text(n, "last_modified"), instant(n, "last_success"),
        n.path("consecutive_failures").asInt(0), text(n, "last_error"), instant(n, "next_attempt_at"),
        FailureClass.fromWire(text(n, "last_error_class")), instant(n, "last_error_at"),
        instant(n, "last_new_item_at"), gap == null ? null : Duration.parse(gap), text(n, "validators_max_age"),
        text(n, "name"), n.path("listed").asBoolean(false), n.path("enabled").asBoolean(true));
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
      putIfPresent(n, "last_error_class", state.lastErrorClass() == null ? null : state.lastErrorClass().wireName());
      putIfPresent(n, "last_error_at", state.lastErrorAt() == null ? null : state.lastErrorAt().toString());
      putIfPresent(n, "last_new_item_at", state.lastNewItemAt() == null ? null : state.lastNewItemAt().toString());
      putIfPresent(n, "new_item_gap", state.newItemGap() == null ? null : state.newItemGap().toString());
      putIfPresent(n, "validators_max_age", state.validatorsMaxAge());
      putIfPresent(n, "name", state.name());
      n.put("listed", state.listed());
      n.put("enabled", state.enabled());
      dir.write(FILE, all);
      return null;
    });
  }

  @Override
  public List<FeedState> all() {
    return dir.locked(() -> {
      Map<String, FeedState> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = dir.read(FILE).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals(SEEDED) && e.getValue().isObject()) {
          sorted.put(e.getKey(), read(e.getKey(), e.getValue()));
        }
      }
      return new ArrayList<>(sorted.values());
    });
  }

  @Override
  public boolean delete(String feedUrl) {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (feedUrl.equals(SEEDED) || all.remove(feedUrl) == null) {
        return false;
      }
      dir.write(FILE, all);
      return true;
    });
  }

  @Override
  public boolean claimSeeding() {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (all.has(SEEDED)) {
        return false;
      }
      all.put(SEEDED, Instant.now().toString());
      dir.write(FILE, all);
      return true;
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
