package com.capexalerts.dispatcher;

import com.capexalerts.aws.dynamo.WebhookTables;
import com.capexalerts.core.webhook.DeliverySettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher's configuration from its environment (template.yaml sets it). Every error is collected and named
 * with the variable and what is expected.
 *
 * <ul>
 *   <li>WEBHOOKS_TABLE, DELIVERIES_TABLE: the DynamoDB tables (required)
 *   <li>MAX_ATTEMPTS: attempts per webhook and alert within one invocation, 1 to 10 (4)
 *   <li>RETRY_BUDGET: ISO-8601 duration after which no retry starts (PT30S). With 3 s connect + 10 s request per
 *       attempt, one message takes at most the budget plus 13 s, and a batch its size times that: keep that under the
 *       function timeout.
 *   <li>DISABLE_AFTER_FAILURES: failed deliveries in a row after which a webhook is disabled, 1 to 1000 (5)
 * </ul>
 */
public record DispatcherSettings(WebhookTables tables, DeliverySettings delivery) {
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(30);
  public static final int DEFAULT_DISABLE_AFTER_FAILURES = 5;

  /** @throws IllegalArgumentException naming every invalid or missing variable */
  public static DispatcherSettings fromEnv(Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    WebhookTables tables = null;
    try {
      tables = WebhookTables.fromEnv(env);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
    }
    int attempts = integer(env, "MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 1, 10, errors);
    int disableAfter = integer(env, "DISABLE_AFTER_FAILURES", DEFAULT_DISABLE_AFTER_FAILURES, 1, 1000, errors);
    Duration budget = DEFAULT_RETRY_BUDGET;
    String text = env.get("RETRY_BUDGET");
    if (text != null && !text.isBlank()) {
      try {
        budget = Duration.parse(text.strip());
        if (budget.isNegative()) {
          errors.add("RETRY_BUDGET must not be negative: " + text.strip());
        }
      } catch (DateTimeParseException e) {
        errors.add("RETRY_BUDGET must be an ISO-8601 duration like PT30S, got '" + text.strip() + "'");
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid dispatcher configuration: " + String.join("; ", errors));
    }
    return new DispatcherSettings(tables, DeliverySettings.defaults()
        .withMaxAttempts(attempts)
        .withRetryBudget(budget)
        .withDisableAfterFailures(disableAfter));
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max,
      List<String> errors) {
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(name + " must be a whole number from " + min + " to " + max + ", got '" + text.strip() + "'");
    return fallback;
  }
}
