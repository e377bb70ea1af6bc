package com.capexalerts.aws.dynamo;

import java.util.Map;
import java.util.Objects;

/** The webhook dispatcher's two DynamoDB tables: registered webhooks, and the delivery log (claims and attempts). */
public record WebhookTables(String webhooks, String deliveries) {
  public static final String WEBHOOKS_VAR = "WEBHOOKS_TABLE";
  public static final String DELIVERIES_VAR = "DELIVERIES_TABLE";

  public WebhookTables {
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(deliveries, "deliveries");
  }

  /** The names from WEBHOOKS_TABLE and DELIVERIES_TABLE; a missing one is named in the error. */
  public static WebhookTables fromEnv(Map<String, String> env) {
    return new WebhookTables(required(env, WEBHOOKS_VAR), required(env, DELIVERIES_VAR));
  }

  /** "prefix-webhooks", "prefix-deliveries": for tests and local stacks. */
  public static WebhookTables withPrefix(String prefix) {
    return new WebhookTables(prefix + "-webhooks", prefix + "-deliveries");
  }

  private static String required(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(variable + " is not set: it must name the DynamoDB table");
    }
    return value.strip();
  }
}
