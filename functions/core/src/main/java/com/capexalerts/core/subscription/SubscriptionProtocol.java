package com.capexalerts.core.subscription;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The channels people subscribe to through the API. Webhooks have their own registry. */
public enum SubscriptionProtocol {
  EMAIL,
  SMS;

  /** RFC 5321 caps a path at 256 octets, so an address at 254 characters. */
  static final int MAX_EMAIL_LENGTH = 254;
  // Pragmatic address syntax (what SNS and mail servers accept in practice): a dot-atom local part and a host name
  // of letter/digit/hyphen labels with a top-level label of at least two letters. No quoted local parts, no IP hosts.
  private static final Pattern EMAIL_ADDRESS = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  /** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** The SNS protocol name: "email" or "sms". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "email" or "sms" (any case). */
  public static SubscriptionProtocol fromWire(String s) {
    for (SubscriptionProtocol p : values()) {
      if (p.wireName().equalsIgnoreCase(s == null ? "" : s.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown protocol '" + s + "': expected email or sms");
  }

  /** Why {@code endpoint} is no valid address for this protocol, or empty when it is one. */
  public Optional<String> problem(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      return Optional.of("must not be empty");
    }
    return switch (this) {
      case EMAIL -> endpoint.length() > MAX_EMAIL_LENGTH
          ? Optional.of("an e-mail address has at most " + MAX_EMAIL_LENGTH + " characters")
          : EMAIL_ADDRESS.matcher(endpoint).matches() ? Optional.empty()
          : Optional.of("not an e-mail address (expected name@example.com)");
      case SMS -> E164.matcher(endpoint).matches() ? Optional.empty()
          : Optional.of("not an E.164 phone number (expected + and 7 to 15 digits, e.g. +4915112345678)");
    };
  }
}
