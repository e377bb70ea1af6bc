package com.capexalerts.core.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try.
 *
 * @param maxAttempts          attempts per webhook and alert, first one included
 * @param connectTimeout       TCP/TLS connect limit
 * @param requestTimeout       limit for sending the body and reading the response once connected; one attempt ends
 *                             after at most connectTimeout + requestTimeout, redirects included
 * @param baseBackoff          backoff before the 2nd attempt is drawn from [0, baseBackoff], doubling per attempt
 *                             ("full jitter": spreads retries of many webhooks and many Lambdas over time)
 * @param maxBackoff           cap on the doubled backoff
 * @param maxRetryAfter        cap on a receiver's Retry-After
 * @param retryBudget          no retry starts later than this after the first attempt (keeps a dispatcher inside its
 *                             Lambda timeout; the alert then goes to the dead-letter queue)
 * @param maxRedirects         redirects followed per attempt
 * @param disableAfterFailures consecutive failed deliveries after which a webhook is disabled
 * @param maxConcurrency       webhooks delivered at the same time
 */
public record DeliverySettings(
    int maxAttempts,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration baseBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration retryBudget,
    int maxRedirects,
    int disableAfterFailures,
    int maxConcurrency) {
  public DeliverySettings {
    positive(maxAttempts, "maxAttempts");
    positive(disableAfterFailures, "disableAfterFailures");
    positive(maxConcurrency, "maxConcurrency");
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("delivery settings: maxRedirects must not be negative: " + maxRedirects);
    }
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    notNegative(baseBackoff, "baseBackoff");
    notNegative(maxBackoff, "maxBackoff");
    notNegative(maxRetryAfter, "maxRetryAfter");
    notNegative(retryBudget, "retryBudget");
  }

  /** 4 attempts, 3 s connect + 10 s request, backoff 1 s doubling to 30 s, Retry-After ≤ 60 s, 3 redirects. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(4, Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(3), 3, 5, 32);
  }

  public DeliverySettings withMaxAttempts(int n) {
    return new DeliverySettings(n, connectTimeout, requestTimeout, baseBackoff, maxBackoff, maxRetryAfter,
        retryBudget, maxRedirects, disableAfterFailures, maxConcurrency);
  }

  public DeliverySettings withTimeouts(Duration connect, Duration request) {
    return new DeliverySettings(maxAttempts, connect, request, baseBackoff, maxBackoff, maxRetryAfter, retryBudget,
        maxRedirects, disableAfterFailures, maxConcurrency);
  }

  public DeliverySettings withBackoff(Duration base, Duration max) {
    return new DeliverySettings(maxAttempts, connectTimeout, requestTimeout, base, max, maxRetryAfter, retryBudget,
        maxRedirects, disableAfterFailures, maxConcurrency);
  }

  public DeliverySettings withMaxRetryAfter(Duration d) {
    return new DeliverySettings(maxAttempts, connectTimeout, requestTimeout, baseBackoff, maxBackoff, d, retryBudget,
        maxRedirects, disableAfterFailures, maxConcurrency);
  }

  public DeliverySettings withRetryBudget(Duration d) {
    return new DeliverySettings(maxAttempts, connectTimeout, requestTimeout, baseBackoff, maxBackoff, maxRetryAfter,
        d, maxRedirects, disableAfterFailures, maxConcurrency);
  }

  public DeliverySettings withDisableAfterFailures(int n) {
    return new DeliverySettings(maxAttempts, connectTimeout, requestTimeout, baseBackoff, maxBackoff, maxRetryAfter,
        retryBudget, maxRedirects, n, maxConcurrency);
  }

  /** Longest one attempt may take. */
  Duration attemptTimeout() {
    return connectTimeout.plus(requestTimeout);
  }

  private static void positive(int n, String name) {
    if (n < 1) {
      throw new IllegalArgumentException("delivery settings: " + name + " must be at least 1: " + n);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("delivery settings: " + name + " must be positive: " + d);
    }
  }

  private static void notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException("delivery settings: " + name + " must not be negative: " + d);
    }
  }
}
