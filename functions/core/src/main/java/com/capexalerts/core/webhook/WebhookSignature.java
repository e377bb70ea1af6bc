package com.capexalerts.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs {@code json} deliveries: {@code X-Capex-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>},
 * with {@code X-Capex-Timestamp} the unix seconds that went into the MAC. The timestamp inside the MAC lets a
 * receiver reject replays of an old delivery; the version prefix lets us change the scheme without breaking receivers.
 * docs/webhooks.md shows a receiver's verifier.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "X-Capex-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Capex-Signature";
  public static final String EVENT_ID_HEADER = "X-Capex-Event-Id";
  public static final String DELIVERY_ID_HEADER = "X-Capex-Delivery-Id";
  public static final String VERSION_PREFIX = "v1=";
  /** How old a signed timestamp a receiver should accept by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /** The {@code X-Capex-Signature} value for {@code body} sent at {@code timestampSeconds}. */
  public static String sign(String secret, long timestampSeconds, String body) {
    Objects.requireNonNull(body, "body");
    return VERSION_PREFIX + HEX.formatHex(mac(secret, timestampSeconds, body.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * True when {@code signatureHeader} is the v1 signature of exactly these body bytes at {@code timestampHeader}, and
   * that timestamp is within {@code tolerance} of {@code now} (either way: a clock running ahead is no excuse for a
   * replay). Malformed input gives false, never an exception. The MAC comparison takes the same time wherever the
   * first difference is, so it does not leak how much of a forged signature was right.
   */
  public static boolean verify(
      String secret, String timestampHeader, byte[] body, String signatureHeader, Instant now, Duration tolerance) {
    if (secret == null || secret.isEmpty() || timestampHeader == null || body == null || signatureHeader == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    String sig = signatureHeader.strip();
    if (!sig.startsWith(VERSION_PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = HEX.parseHex(sig.substring(VERSION_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(secret, timestamp, body), given);
  }

  /** {@link #verify(String, String, byte[], String, Instant, Duration)} for a body held as text (UTF-8). */
  public static boolean verify(
      String secret, String timestampHeader, String body, String signatureHeader, Instant now, Duration tolerance) {
    return body != null
        && verify(secret, timestampHeader, body.getBytes(StandardCharsets.UTF_8), signatureHeader, now, tolerance);
  }

  private static byte[] mac(String secret, long timestampSeconds, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("signing secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java runtime must provide HmacSHA256, and any non-empty key is valid for it.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
