package com.capexalerts.core.webhook;

import java.util.Locale;

/** How a webhook's body is shaped: our own signed JSON schema, or a chat service's incoming-webhook format. */
public enum WebhookFormat {
  JSON(new JsonPayloadRenderer()),
  SLACK(new SlackPayloadRenderer()),
  TEAMS(new TeamsPayloadRenderer()),
  DISCORD(new DiscordPayloadRenderer());

  private final PayloadRenderer renderer;

  WebhookFormat(PayloadRenderer renderer) {
    this.renderer = renderer;
  }

  public PayloadRenderer renderer() {
    return renderer;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code json}, {@code slack}, {@code teams} or {@code discord} (any case). */
  public static WebhookFormat fromWire(String s) {
    for (WebhookFormat f : values()) {
      if (f.wireName().equalsIgnoreCase(s == null ? "" : s.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown webhook format '" + s + "': expected one of json, slack, teams, discord");
  }
}
