package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receiver's verifier printed in docs/webhooks.md agrees with what we sign, and the doc shows it unchanged. */
class CapexWebhookVerifierTest {
  private static final Path SOURCE = Path.of("src/test/java/com/capexalerts/core/webhook/CapexWebhookVerifier.java");
  private static final Path DOC = Path.of("../../docs/webhooks.md");

  @Test
  void acceptsOurSignatureAndRejectsForgeriesAndReplays() throws Exception {
    var verifier = new CapexWebhookVerifier("whsec_doc");
    String body = new JsonPayloadRenderer().render(TestAlerts.alibaba()).body();
    long ts = 1_750_000_000L;
    String sig = WebhookSignature.sign("whsec_doc", ts, body);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.ofEpochSecond(ts + 30);
    assertTrue(verifier.verify(Long.toString(ts), sig, raw, now));
    assertFalse(new CapexWebhookVerifier("wrong").verify(Long.toString(ts), sig, raw, now));
    assertFalse(verifier.verify(Long.toString(ts), sig, (body + " ").getBytes(StandardCharsets.UTF_8), now));
    assertFalse(verifier.verify(Long.toString(ts), sig, raw, now.plusSeconds(301)));
    assertFalse(verifier.verify(Long.toString(ts), "v1=not-hex", raw, now));
    assertFalse(verifier.verify("soon", sig, raw, now));
  }

  @Test
  void theDocumentationShowsThisVerifierVerbatim() throws Exception {
    String source = Files.readString(SOURCE);
    String code = source.substring(source.indexOf("import "));
    String doc = Files.readString(DOC);
    assertTrue(doc.contains(code.strip()),
        "docs/webhooks.md must contain CapexWebhookVerifier.java from its first import on; update the doc");
  }
}
