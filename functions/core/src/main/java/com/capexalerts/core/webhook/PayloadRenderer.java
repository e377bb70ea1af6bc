package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;

/** Turns one alert into the body that one kind of receiver understands. */
public sealed interface PayloadRenderer
    permits JsonPayloadRenderer, SlackPayloadRenderer, TeamsPayloadRenderer, DiscordPayloadRenderer {
  WebhookPayload render(Announcement announcement);
}
