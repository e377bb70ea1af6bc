package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec_test";
  private static final long TS = 1_700_000_000L;
  private static final Instant NOW = Instant.ofEpochSecond(TS + 10);
  private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;
  private static final String BODY = "{\"schema\":\"capex-alert/1\",\"title\":\"Café €\"}";

  @Test
  void signsLikeAnIndependentHmacImplementation() {
    // Computed with Python's hmac module: hmac.new(b"whsec_test", b"1700000000." + body_utf8, sha256).hexdigest()
    assertEquals("v1=dcf6fa0e345cf9eb4253f1cddcf3b10d983ba559114bfe5393474aeb489ce98f",
        WebhookSignature.sign(SECRET, TS, BODY));
  }

  @Test
  void verifiesItsOwnSignatureOnTextAndBytes() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    assertTrue(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, sig, NOW, TOLERANCE));
    assertTrue(WebhookSignature.verify(SECRET, Long.toString(TS), BODY.getBytes(StandardCharsets.UTF_8), sig, NOW,
        TOLERANCE));
  }

  @Test
  void rejectsTamperingWrongSecretAndOtherTimestamps() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY.replace("€", "$"), sig, NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify("other", Long.toString(TS), BODY, sig, NOW, TOLERANCE));
    // The timestamp is inside the MAC: moving it breaks the signature even within the tolerance.
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS + 1), BODY, sig, NOW, TOLERANCE));
  }

  @Test
  void rejectsTimestampsOutsideTheToleranceEitherWay() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    Instant edge = Instant.ofEpochSecond(TS).plus(TOLERANCE);
    assertTrue(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, sig, edge, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, sig, edge.plusSeconds(1), TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, sig,
        Instant.ofEpochSecond(TS).minus(TOLERANCE).minusSeconds(1), TOLERANCE));
  }

  @Test
  void malformedInputIsFalseNotAnException() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    String hex = sig.substring(3);
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, "v2=" + hex, NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, hex, NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, "v1=zz", NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, "v1=" + hex.substring(2), NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, "yesterday", BODY, sig, NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, null, BODY, sig, NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(TS), BODY, null, NOW, TOLERANCE));
    assertFalse(WebhookSignature.verify("", Long.toString(TS), BODY, sig, NOW, TOLERANCE));
  }
}
