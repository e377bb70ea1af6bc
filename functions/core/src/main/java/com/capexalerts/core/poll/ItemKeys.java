package com.capexalerts.core.poll;

import com.capexalerts.core.feed.FeedItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Seen-item keys. A key is the feed's identity plus the item's id ({@code feed:<16 hex of the feed URL>/<id>}):
 * publishers' GUIDs are only unique within their own feed (two outlets both emitting {@code 1001} are two items).
 * The same story carried by two feeds is therefore analysed once per feed; the event dedupe makes that harmless.
 *
 * <p>Keys written before feed scoping were the bare id ({@link #of(String)}); they simply stop matching, so after an
 * upgrade the items still in the feeds are analysed once more and their events, already stored, only gain a source.
 * Long or unprintable ids are replaced by their SHA-256, which keeps keys well inside DynamoDB's key size limit.
 */
public final class ItemKeys {
  /** Ids longer than this are hashed. */
  public static final int MAX_PLAIN_LENGTH = 200;

  private ItemKeys() {}

  /** The seen-item key of an item of the feed at {@code feedUrl}. */
  public static String of(String feedUrl, FeedItem item) {
    return inFeed(feedUrl, item.id());
  }

  /** The seen-item key of the item with {@code id} in the feed at {@code feedUrl}. */
  public static String inFeed(String feedUrl, String id) {
    return feedScope(feedUrl) + of(id);
  }

  /**
   * The key of the {@code item} whose id another, different item of the same feed also carries: the id alone would
   * let one hide the other, so its link and title are added (a hash, stable whatever the order in the feed).
   */
  public static String disambiguated(String feedUrl, FeedItem item) {
    String content = (item.link() == null ? "" : item.link()) + "\n" + item.title();
    return of(feedUrl, item) + "#" + HexFormat.of().formatHex(sha256(content), 0, 8);
  }

  /** The feed part of a key. */
  public static String feedScope(String feedUrl) {
    return "feed:" + HexFormat.of().formatHex(sha256(feedUrl.strip()), 0, 8) + "/";
  }

  /** The feed-independent form of an item's id (also the seen-item key before keys were scoped by feed). */
  public static String of(FeedItem item) {
    return of(item.id());
  }

  public static String of(String id) {
    String key = id.strip();
    boolean printable = key.chars().allMatch(c -> c >= 0x21 && c < 0x7f);
    if (!key.isEmpty() && key.length() <= MAX_PLAIN_LENGTH && printable) {
      return key;
    }
    return "sha256:" + HexFormat.of().formatHex(sha256(key));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
