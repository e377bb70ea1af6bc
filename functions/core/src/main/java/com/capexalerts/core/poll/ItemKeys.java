package com.capexalerts.core.poll;

import com.capexalerts.core.feed.FeedItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The seen-item key of an item: its feed-independent id (GUID, canonical link, or the reader's hash), so an item
 * carried by two feeds is processed once. Long or unprintable ids are replaced by their SHA-256, which keeps keys
 * well inside DynamoDB's key size limit.
 */
public final class ItemKeys {
  /** Ids longer than this are hashed. */
  public static final int MAX_PLAIN_LENGTH = 200;

  private ItemKeys() {}

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
