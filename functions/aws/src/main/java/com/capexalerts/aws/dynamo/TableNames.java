package com.capexalerts.aws.dynamo;

import java.util.Map;
import java.util.Objects;

/** The DynamoDB tables of one deployment the poller writes. */
public record TableNames(String announcements, String feeds, String seenItems, String ledger) {
  public static final String ANNOUNCEMENTS_VAR = "ANNOUNCEMENTS_TABLE";
  public static final String FEEDS_VAR = "FEEDS_TABLE";
  public static final String SEEN_ITEMS_VAR = "SEEN_ITEMS_TABLE";
  public static final String LEDGER_VAR = "LEDGER_TABLE";

  public TableNames {
    Objects.requireNonNull(announcements, "announcements");
    Objects.requireNonNull(feeds, "feeds");
    Objects.requireNonNull(seenItems, "seenItems");
    Objects.requireNonNull(ledger, "ledger");
  }

  /** The ledger table defaults to "&lt;announcements&gt;-ledger". */
  public TableNames(String announcements, String feeds, String seenItems) {
    this(announcements, feeds, seenItems, announcements + "-ledger");
  }

  /**
   * The names from ANNOUNCEMENTS_TABLE, FEEDS_TABLE, SEEN_ITEMS_TABLE and LEDGER_TABLE (optional, default
   * "&lt;announcements&gt;-ledger"); a missing required one is named in the error.
   */
  public static TableNames fromEnv(Map<String, String> env) {
    String announcements = required(env, ANNOUNCEMENTS_VAR);
    String ledger = env.get(LEDGER_VAR);
    return new TableNames(announcements, required(env, FEEDS_VAR), required(env, SEEN_ITEMS_VAR),
        ledger == null || ledger.isBlank() ? announcements + "-ledger" : ledger.strip());
  }

  /**
   * "prefix-announcements", "prefix-feeds", "prefix-seen-items" and "prefix-announcements-ledger" (the default
   * ledger name of {@link #fromEnv}): for tests and local stacks.
   */
  public static TableNames withPrefix(String prefix) {
    return new TableNames(prefix + "-announcements", prefix + "-feeds", prefix + "-seen-items");
  }

  private static String required(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(variable + " is not set: it must name the DynamoDB table");
    }
    return value.strip();
  }
}
