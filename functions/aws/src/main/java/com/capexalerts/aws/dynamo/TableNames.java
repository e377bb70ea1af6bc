package com.capexalerts.aws.dynamo;

import java.util.Map;
import java.util.Objects;

/** The three DynamoDB tables of one deployment. */
public record TableNames(String announcements, String feeds, String seenItems) {
  public static final String ANNOUNCEMENTS_VAR = "ANNOUNCEMENTS_TABLE";
  public static final String FEEDS_VAR = "FEEDS_TABLE";
  public static final String SEEN_ITEMS_VAR = "SEEN_ITEMS_TABLE";

  public TableNames {
    Objects.requireNonNull(announcements, "announcements");
    Objects.requireNonNull(feeds, "feeds");
    Objects.requireNonNull(seenItems, "seenItems");
  }

  /** The names from ANNOUNCEMENTS_TABLE, FEEDS_TABLE and SEEN_ITEMS_TABLE; a missing one is named in the error. */
  public static TableNames fromEnv(Map<String, String> env) {
    return new TableNames(required(env, ANNOUNCEMENTS_VAR), required(env, FEEDS_VAR), required(env, SEEN_ITEMS_VAR));
  }

  /** "prefix-announcements", "prefix-feeds", "prefix-seen-items": for tests and local stacks. */
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
