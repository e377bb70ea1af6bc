package com.capexalerts.core.scale;

import com.capexalerts.core.feed.FeedItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * New items of one feed that carry findings about one company, to be decided (new event or one more source) by the
 * recorder. Decisions about one company are made one at a time: the company is the FIFO message group.
 *
 * @param feedUrl  the feed the items came from
 * @param feedName its name (the outlet when an item names none)
 * @param company  the company the findings are about
 * @param items    the items, in feed order
 */
public record DecisionRequest(String feedUrl, String feedName, String company, List<FeedItem> items) {
  public DecisionRequest {
    Objects.requireNonNull(feedUrl, "feedUrl");
    Objects.requireNonNull(company, "company");
    items = List.copyOf(items);
  }

  /** The message group: one company's decisions never run at the same time. */
  public String groupId() {
    return companyKey(company);
  }

  /** Same feed, company and items: the same request (a worker retried after sending). */
  public String dedupeId() {
    StringBuilder s = new StringBuilder(feedUrl).append('\n').append(groupId());
    items.forEach(i -> s.append('\n').append(i.id()));
    return sha256(s.toString());
  }

  static String companyKey(String company) {
    return company.strip().toLowerCase(Locale.ROOT);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
