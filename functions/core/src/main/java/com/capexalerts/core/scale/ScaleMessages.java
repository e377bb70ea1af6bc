package com.capexalerts.core.scale;

import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.poll.Feed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the two queues: work messages {@code {"feeds":[{"url","name"}]}} and decision messages
 * {@code {"feedUrl","feedName","company","items":[{"id","title","summary","link","published","source"}]}}.
 */
public final class ScaleMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleMessages() {}

  public static String work(List<Feed> feeds) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("feeds");
    feeds.forEach(f -> list.addObject().put("url", f.url()).put("name", f.name()));
    return root.toString();
  }

  /** Feeds with their state as the scheduler read it, recent item hashes included (about 1 KB each). */
  public static String scheduled(List<PollState> states) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("feeds");
    for (PollState s : states) {
      ObjectNode f = list.addObject().put("url", s.feedUrl()).put("name", s.name());
      ObjectNode st = f.putObject("state").put("etag", s.etag()).put("lastModified", s.lastModified())
          .put("bodyHash", s.bodyHash()).put("failures", s.consecutiveFailures()).put("lastError", s.lastError())
          .put("recent", String.join(" ", s.recentItems()));
      putInstant(st, "nextDueAt", s.nextDueAt());
      putInstant(st, "lastChangeAt", s.lastChangeAt());
      if (s.interval() != null) {
        st.put("intervalS", s.interval().toSeconds());
      }
      if (s.publishGap() != null) {
        st.put("publishGapS", s.publishGap().toSeconds());
      }
    }
    return root.toString();
  }

  /** The states of a work message; a feed without "state" is fresh. @throws IllegalArgumentException what is wrong */
  public static List<PollState> scheduled(String body) {
    List<Feed> feeds = work(body);
    JsonNode list = read(body).path("feeds");
    List<PollState> out = new ArrayList<>();
    for (int i = 0; i < feeds.size(); i++) {
      Feed f = feeds.get(i);
      JsonNode st = list.get(i).path("state");
      if (!st.isObject()) {
        out.add(PollState.fresh(f.url(), f.name()));
        continue;
      }
      try {
        out.add(new PollState(f.url(), f.name(), true, text(st, "etag"), text(st, "lastModified"),
            text(st, "bodyHash"), recent(text(st, "recent")),
            st.path("intervalS").isNumber() ? java.time.Duration.ofSeconds(st.path("intervalS").asLong()) : null,
            instant(st, "nextDueAt"), instant(st, "lastChangeAt"),
            st.path("publishGapS").isNumber() ? java.time.Duration.ofSeconds(st.path("publishGapS").asLong()) : null,
            st.path("failures").asInt(0), text(st, "lastError")));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("work message: feeds[" + i + "].state has a bad time: " + e.getMessage());
      }
    }
    return out;
  }

  private static List<String> recent(String joined) {
    return joined == null || joined.isBlank() ? List.of() : List.of(joined.strip().split(" "));
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value != null) {
      node.put(field, value.toString());
    }
  }

  private static Instant instant(JsonNode node, String field) {
    return node.path(field).isTextual() ? Instant.parse(node.path(field).asText()) : null;
  }

  /** @throws IllegalArgumentException saying what is wrong */
  public static List<Feed> work(String body) {
    JsonNode feeds = read(body).path("feeds");
    if (!feeds.isArray()) {
      throw new IllegalArgumentException("work message: expected {\"feeds\": [...]}");
    }
    List<Feed> out = new ArrayList<>();
    int i = 0;
    for (JsonNode f : feeds) {
      if (!f.path("url").isTextual() || f.path("url").asText().isBlank()) {
        throw new IllegalArgumentException("work message: feeds[" + i + "] has no url");
      }
      out.add(new Feed(f.path("url").asText(), f.path("name").isTextual() ? f.path("name").asText() : null));
      i++;
    }
    return out;
  }

  public static String decision(DecisionRequest r) {
    ObjectNode root = JSON.createObjectNode()
        .put("feedUrl", r.feedUrl()).put("feedName", r.feedName()).put("company", r.company());
    ArrayNode items = root.putArray("items");
    for (FeedItem i : r.items()) {
      items.addObject().put("id", i.id()).put("title", i.title()).put("summary", i.summary()).put("link", i.link())
          .put("published", i.published() == null ? null : i.published().toString()).put("source", i.source());
    }
    return root.toString();
  }

  /** @throws IllegalArgumentException saying what is wrong */
  public static DecisionRequest decision(String body) {
    JsonNode root = read(body);
    if (!root.path("feedUrl").isTextual() || !root.path("company").isTextual() || !root.path("items").isArray()) {
      throw new IllegalArgumentException("decision message: expected feedUrl, company and items");
    }
    List<FeedItem> items = new ArrayList<>();
    int n = 0;
    for (JsonNode i : root.path("items")) {
      if (!i.path("id").isTextual() || !i.path("title").isTextual()) {
        throw new IllegalArgumentException("decision message: items[" + n + "] needs id and title");
      }
      Instant published;
      try {
        published = i.path("published").isTextual() ? Instant.parse(i.path("published").asText()) : null;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("decision message: items[" + n + "].published is not an instant");
      }
      items.add(new FeedItem(i.path("id").asText(), i.path("title").asText(), text(i, "summary"), text(i, "link"),
          published, text(i, "source")));
      n++;
    }
    return new DecisionRequest(root.path("feedUrl").asText(), text(root, "feedName"), root.path("company").asText(),
        items);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body == null ? "" : body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
  }
}
