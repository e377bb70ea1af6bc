package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;

/**
 * Our versioned event schema ({@value #SCHEMA}). Texts are sent exactly as found (JSON escaping by Jackson makes them
 * safe to transport; the receiver escapes for wherever it shows them). A receiver should ignore fields it does not
 * know: new fields may be added within a schema version, a breaking change gets a new version.
 */
public final class JsonPayloadRenderer implements PayloadRenderer {
  public static final String SCHEMA = AlertMessages.SCHEMA;

  /** The alert document exactly as SNS carries it ({@link AlertMessages#json}): one rendering for every channel. */
  @Override
  public WebhookPayload render(Announcement a) {
    return new WebhookPayload(WebhookPayload.JSON_UTF8, AlertMessages.json(a));
  }
}
