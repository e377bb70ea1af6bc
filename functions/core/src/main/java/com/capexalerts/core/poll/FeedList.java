package com.capexalerts.core.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads feed lists: a JSON list (of URLs or {"url", "name"} objects), an OPML document, or URLs one per line or
 * separated by commas, with {@code #} comments and blank lines ignored.
 */
public final class FeedList {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedList() {}

  /**
   * @param text JSON list, OPML, or URLs one per line or comma-separated
   * @return the feeds in the order given, duplicates (same URL) dropped
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static List<Feed> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the feed list is empty");
    }
    String trimmed = text.strip();
    List<Feed> feeds = trimmed.startsWith("[") ? parseJson(trimmed)
        : Opml.looksLike(trimmed) ? Opml.parse(trimmed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        : parseLines(trimmed);
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("the feed list is empty");
    }
    Map<String, Feed> unique = new LinkedHashMap<>();
    feeds.forEach(f -> unique.putIfAbsent(f.url(), f));
    return List.copyOf(unique.values());
  }

  /** A bundled resource holding a JSON feed list. */
  public static List<Feed> fromResource(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("feed list resource " + resource + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read feed list resource " + resource, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("feed list resource " + resource + ": " + e.getMessage(), e);
    }
  }

  /** One URL per line or comma-separated (the FeedList parameter), {@code #} comments; a URL has no spaces (a file path may). */
  private static List<Feed> parseLines(String text) {
    List<Feed> feeds = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String part : line.split(",")) {
        String url = part.strip();
        if (url.isEmpty()) {
          continue;
        }
        if (url.contains("://") && url.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("line " + (n + 1) + ": '" + url + "' is no URL (it has spaces)");
        }
        feeds.add(new Feed(url, null));
      }
    }
    return feeds;
  }

  private static List<Feed> parseJson(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    List<Feed> feeds = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root) {
      if (entry.isTextual() && !entry.asText().isBlank()) {
        feeds.add(new Feed(entry.asText(), null));
      } else if (entry.isObject() && entry.path("url").isTextual() && !entry.path("url").asText().isBlank()) {
        JsonNode name = entry.path("name");
        feeds.add(new Feed(entry.path("url").asText(), name.isTextual() ? name.asText() : null));
      } else {
        throw new IllegalArgumentException("entry " + index + " (" + entry + "): expected a URL string or "
            + "{\"url\": ..., \"name\": ...}");
      }
      index++;
    }
    return feeds;
  }
}
