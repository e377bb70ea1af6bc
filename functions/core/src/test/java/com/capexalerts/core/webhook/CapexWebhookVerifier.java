package com.capexalerts.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request really comes from AI Capex Alerts. Needs only the JDK (17 or later).
 *
 * <p>Call it with the raw request body bytes, before parsing the JSON: re-serialised JSON has other bytes.
 */
public final class CapexWebhookVerifier {
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] secret;

  public CapexWebhookVerifier(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param timestamp the X-Capex-Timestamp header
   * @param signature the X-Capex-Signature header ("v1=" and 64 hex digits)
   * @param rawBody   the request body exactly as received
   * @param now       the current time
   * @return true when the signature matches and the timestamp is at most 5 minutes off
   */
  public boolean verify(String timestamp, String signature, byte[] rawBody, Instant now)
      throws GeneralSecurityException {
    if (timestamp == null || signature == null || !signature.startsWith("v1=")) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    // Refuse old (replayed) and far-future requests.
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.substring(3));
    } catch (IllegalArgumentException e) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
    byte[] expected = mac.doFinal(rawBody);
    // Constant-time comparison: does not reveal how many leading bytes of a forgery were right.
    return MessageDigest.isEqual(expected, given);
  }
}
