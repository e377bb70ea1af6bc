package com.capexalerts.core.webhook;

import java.util.Objects;

/** A rendered HTTP body and its content type. */
public record WebhookPayload(String contentType, String body) {
  public static final String JSON_UTF8 = "application/json; charset=utf-8";

  public WebhookPayload {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
