package com.capexalerts.core.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * One item of a news or press feed, reduced to what detection and alerting need.
 *
 * @param id        stable id: GUID/Atom id, else canonical link, else a hash of title + date
 * @param title     clean text, never null
 * @param summary   clean text (HTML stripped, entities decoded, whitespace folded); may be empty
 * @param link      absolute link or null
 * @param published publication time or null when the feed gives none
 * @param source    outlet or feed name, or null
 */
public record FeedItem(String id, String title, String summary, String link, Instant published, String source) {
  public FeedItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    summary = summary == null ? "" : summary;
  }
}
