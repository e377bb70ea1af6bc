package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;

/**
 * Delivers one alert to webhooks: concurrently (one virtual thread per webhook, at most
 * {@link DeliverySettings#maxConcurrency()} at once), each attempt bounded by its own timeout, so a slow or dead
 * receiver delays nobody but itself. Retries network errors, timeouts, 408, 429 and 5xx with full-jitter backoff (or
 * the receiver's Retry-After, capped); gives up at once on other 4xx and forbidden URLs. Follows up to
 * {@link DeliverySettings#maxRedirects()} redirects itself, checking each target with the {@link EndpointPolicy}.
 *
 * <p>Every request carries {@code X-Capex-Event-Id} and {@code X-Capex-Delivery-Id}; {@code json} requests are also
 * signed ({@link WebhookSignature}). The {@link DeliveryLog} keeps a receiver that acknowledged an alert from getting
 * it again. Thread-safe; create one per process and {@link #close()} it at the end.
 */
public final class WebhookDeliverer implements AutoCloseable {
  public static final String USER_AGENT = "capex-alerts-webhook/1";
  public static final String ATTEMPT_HEADER = "X-Capex-Attempt";
  /** How much of an error response's body we keep for diagnosis. */
  static final int BODY_SNIPPET_BYTES = 512;
  /** How long an error response's body may take to give its first bytes for the attempt record. */
  static final Duration SNIPPET_WAIT = Duration.ofMillis(500);

  private final DeliverySettings settings;
  private final EndpointPolicy policy;
  private final DeliveryLog log;
  private final Clock clock;
  private final RandomGenerator random;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final Semaphore permits;

  private WebhookDeliverer(Builder b) {
    this.settings = b.settings;
    this.policy = Objects.requireNonNull(b.policy, "policy");
    this.log = Objects.requireNonNull(b.log, "log");
    this.clock = b.clock;
    this.random = b.random;
    this.sleeper = b.sleeper;
    this.permits = new Semaphore(settings.maxConcurrency());
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        // We follow redirects ourselves so every target passes the SSRF check.
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1 keeps plain-http local receivers simple (no h2c upgrade); every webhook service speaks it.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public static Builder builder(EndpointPolicy policy, DeliveryLog log) {
    return new Builder(policy, log);
  }

  /** Options; everything but the policy and log has a default. */
  public static final class Builder {
    private final EndpointPolicy policy;
    private final DeliveryLog log;
    private DeliverySettings settings = DeliverySettings.defaults();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SplittableRandom();
    private Sleeper sleeper = Sleeper.real();

    private Builder(EndpointPolicy policy, DeliveryLog log) {
      this.policy = policy;
      this.log = log;
    }

    public Builder settings(DeliverySettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Source of the signature timestamps and attempt times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Source of backoff jitter (used under a lock, so any generator will do). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public WebhookDeliverer build() {
      return new WebhookDeliverer(this);
    }
  }

  /**
   * Delivers {@code announcement} to every enabled webhook whose filter matches, at the same time, and returns one
   * result per such webhook in input order. Returns when all are done: with at most
   * {@link DeliverySettings#maxConcurrency()} webhooks, after at most about {@link DeliverySettings#retryBudget()} plus
   * one attempt timeout; more webhooks queue for a free slot.
   */
  public List<DeliveryResult> deliver(Announcement announcement, Collection<Webhook> webhooks) {
    Objects.requireNonNull(announcement, "announcement");
    List<Webhook> targets = webhooks.stream().filter(w -> w.wants(announcement)).toList();
    List<Future<DeliveryResult>> futures = new ArrayList<>(targets.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Webhook w : targets) {
        futures.add(executor.submit(() -> deliverWithPermit(announcement, w)));
      }
    } // close() waits for every task
    List<DeliveryResult> results = new ArrayList<>(targets.size());
    for (int k = 0; k < targets.size(); k++) {
      Future<DeliveryResult> f = futures.get(k);
      // deliverTo catches what it expects; anything else (a bug, a resolver throwing) fails only its own webhook.
      results.add(f.state() == Future.State.SUCCESS
          ? f.resultNow()
          : ourFailure(targets.get(k), announcement.key(), List.of(), "unexpected error: " + f.exceptionNow(),
              Duration.ZERO));
    }
    return results;
  }

  private DeliveryResult deliverWithPermit(Announcement announcement, Webhook webhook) {
    long start = System.nanoTime();
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ourFailure(webhook, announcement.key(), List.of(), "interrupted before sending", since(start));
    }
    try {
      return deliverTo(announcement, webhook);
    } finally {
      permits.release();
    }
  }

  /** Delivers {@code announcement} to {@code webhook} regardless of its filter and enabled flag. */
  public DeliveryResult deliverTo(Announcement announcement, Webhook webhook) {
    long start = System.nanoTime();
    EventKey key = announcement.key();
    String deliveryId = deliveryId(webhook.id(), key);
    WebhookPayload payload;
    try {
      if (log.alreadyDelivered(webhook.id(), key)) {
        return new DeliveryResult(webhook.id(), key, deliveryId, Outcome.ALREADY_DELIVERED, List.of(), null,
            webhook.consecutiveFailures(), false, since(start));
      }
      payload = webhook.format().renderer().render(announcement);
    } catch (RuntimeException e) {
      return ourFailure(webhook, key, List.of(), "before sending: " + describe(e), since(start));
    }
    DeliveryResult result = send(webhook, key, deliveryId, payload, start);
    if (result.outcome() != Outcome.DELIVERED) {
      try {
        // Our claim would otherwise block the next try (the next local run, an SQS redelivery) for its lease.
        log.releaseClaim(webhook.id(), key);
      } catch (RuntimeException e) {
        // The lease frees it in time.
      }
    }
    return result;
  }

  /** Posts with retries; the caller holds the delivery claim. */
  private DeliveryResult send(Webhook webhook, EventKey key, String deliveryId, WebhookPayload payload, long start) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (int n = 1; ; n++) {
      Instant startedAt = clock.instant();
      long attemptStart = System.nanoTime();
      AttemptOutcome outcome;
      boolean interrupted = false;
      try {
        outcome = attempt(webhook, key, deliveryId, n, payload);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        interrupted = true;
        outcome = AttemptOutcome.retry(0, "interrupted", Optional.empty());
      }
      DeliveryAttempt attempt = new DeliveryAttempt(webhook.id(), key, deliveryId, n, startedAt,
          since(attemptStart), outcome.status(), outcome.error());
      attempts.add(attempt);
      recordAttempt(attempt);
      if (interrupted) {
        return ourFailure(webhook, key, attempts, "interrupted", since(start));
      }

      switch (outcome.verdict()) {
        case SUCCESS -> {
          String note = null;
          try {
            log.recordDelivered(webhook.id(), key, deliveryId, clock.instant());
          } catch (RuntimeException e) {
            // The receiver has it; a redelivery may post again, and the receiver dedupes on X-Capex-Event-Id.
            note = "delivered, but the delivery log could not record it: " + describe(e);
          }
          return new DeliveryResult(webhook.id(), key, deliveryId, Outcome.DELIVERED, attempts, note, 0, false,
              since(start));
        }
        case PERMANENT -> {
          return receiverFailure(webhook, key, deliveryId, Outcome.FAILED_PERMANENTLY, attempts,
              outcome.describe(), outcome.status() == 410, start);
        }
        case RETRY -> {
          if (n >= settings.maxAttempts()) {
            return receiverFailure(webhook, key, deliveryId, Outcome.FAILED_RETRIES_EXHAUSTED, attempts,
                n + " attempts failed, last: " + outcome.describe(), false, start);
          }
          Duration wait = outcome.retryAfter()
              .map(d -> d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d)
              .orElseGet(() -> backoff(attempt.attempt()));
          if (since(start).plus(wait).compareTo(settings.retryBudget()) > 0) {
            return receiverFailure(webhook, key, deliveryId, Outcome.FAILED_RETRIES_EXHAUSTED, attempts,
                "retry budget of " + settings.retryBudget().toSeconds() + " s used up after " + n
                    + (n == 1 ? " attempt" : " attempts") + ", last: " + outcome.describe(), false, start);
          }
          try {
            sleeper.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ourFailure(webhook, key, attempts, "interrupted while waiting to retry", since(start));
          }
        }
      }
    }
  }

  // ---- one attempt --------------------------------------------------------------------------------------------------

  private enum Verdict {
    SUCCESS,
    RETRY,
    PERMANENT
  }

  /** What one attempt came to. {@code status} is 0 when no HTTP answer was usable; {@code error} then says why. */
  private record AttemptOutcome(Verdict verdict, int status, String error, Optional<Duration> retryAfter) {
    static AttemptOutcome retry(int status, String error, Optional<Duration> retryAfter) {
      return new AttemptOutcome(Verdict.RETRY, status, error, retryAfter);
    }

    static AttemptOutcome permanent(int status, String error) {
      return new AttemptOutcome(Verdict.PERMANENT, status, error, Optional.empty());
    }

    String describe() {
      if (status == 0) {
        return error;
      }
      return "HTTP " + status + (error == null || error.isEmpty() ? "" : ": " + error);
    }
  }

  /** POSTs once, following redirects, within one attempt timeout. */
  private AttemptOutcome attempt(Webhook webhook, EventKey key, String deliveryId, int n, WebhookPayload payload)
      throws InterruptedException {
    long deadline = System.nanoTime() + settings.attemptTimeout().toNanos();
    URI target = webhook.url();
    for (int redirects = 0; ; redirects++) {
      try {
        policy.check(target);
      } catch (ForbiddenEndpointException e) {
        return AttemptOutcome.permanent(0, (redirects > 0 ? "redirect refused: " : "") + e.getMessage());
      } catch (UnknownHostException e) {
        return AttemptOutcome.retry(0, "host not found: " + target.getHost(), Optional.empty());
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return AttemptOutcome.retry(0, timedOut(), Optional.empty());
      }
      HttpRequest request = request(webhook, key, deliveryId, n, payload, target, Duration.ofNanos(remaining));
      Snippet snippet = new Snippet();
      // The status line decides: the response is complete at its headers (the snippet's body is ready at once), so
      // a receiver that answers 200 and then trickles its body has still received the alert.
      CompletableFuture<HttpResponse<Void>> pending = http.sendAsync(request, info -> snippet.reading(
          info.statusCode() >= 400));
      HttpResponse<Void> response;
      try {
        // Bounds the exchange up to the response headers, connect included.
        response = pending.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        pending.cancel(true);
        return AttemptOutcome.retry(0, timedOut(), Optional.empty());
      } catch (InterruptedException e) {
        pending.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        return AttemptOutcome.retry(0, networkError(e.getCause(), target), Optional.empty());
      }

      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (isRedirect(status) && location.isPresent()) {
        if (redirects >= settings.maxRedirects()) {
          return AttemptOutcome.permanent(status, "more than " + settings.maxRedirects() + " redirects");
        }
        try {
          target = target.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
          return AttemptOutcome.permanent(status, "unreadable redirect location");
        }
        continue;
      }
      if (status >= 200 && status < 300) {
        return new AttemptOutcome(Verdict.SUCCESS, status, null, Optional.empty());
      }
      String text = snippet.text(Math.min(SNIPPET_WAIT.toNanos(), Math.max(0, deadline - System.nanoTime())));
      String said = text.isEmpty() ? null : text;
      if (status == 408 || status == 429 || status >= 500) {
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
            .flatMap(h -> RetryTiming.parseRetryAfter(h, clock.instant()));
        return AttemptOutcome.retry(status, said, retryAfter);
      }
      // 410 Gone: the receiver says the endpoint is gone for good (the result disables the webhook).
      return AttemptOutcome.permanent(status, said);
    }
  }

  private HttpRequest request(Webhook webhook, EventKey key, String deliveryId, int n, WebhookPayload payload,
      URI target, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target)
        .timeout(timeout)
        .header("Content-Type", payload.contentType())
        .header("User-Agent", USER_AGENT)
        .header(WebhookSignature.EVENT_ID_HEADER, key.value())
        .header(WebhookSignature.DELIVERY_ID_HEADER, deliveryId)
        .header(ATTEMPT_HEADER, Integer.toString(n))
        .POST(HttpRequest.BodyPublishers.ofString(payload.body(), StandardCharsets.UTF_8));
    if (webhook.format() == WebhookFormat.JSON) {
      // A fresh timestamp per request (redirect hops included) so a retry after a long wait is still fresh.
      long timestamp = clock.instant().getEpochSecond();
      b.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .header(WebhookSignature.SIGNATURE_HEADER,
              WebhookSignature.sign(webhook.secret(), timestamp, payload.body()));
    }
    return b.build();
  }

  private static boolean isRedirect(int status) {
    // 301/302/303 too: a webhook has no meaning as a GET, so every redirect repeats the POST with the same body.
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * The first bytes of an error response's body, as one line of text (for the attempt record). Other bodies are not
   * read at all. Its body future is complete at once, so the response never waits for the body.
   */
  private static final class Snippet implements HttpResponse.BodySubscriber<Void> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private volatile java.util.concurrent.Flow.Subscription subscription;
    private boolean read;

    Snippet reading(boolean readBody) {
      this.read = readBody;
      return this;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      if (read) {
        s.request(Long.MAX_VALUE);
      } else {
        s.cancel();
        done.countDown();
      }
    }

    @Override
    public void onNext(List<java.nio.ByteBuffer> chunks) {
      synchronized (bytes) {
        for (java.nio.ByteBuffer chunk : chunks) {
          int n = Math.min(chunk.remaining(), BODY_SNIPPET_BYTES - bytes.size());
          byte[] b = new byte[n];
          chunk.get(b);
          bytes.write(b, 0, n);
        }
        if (bytes.size() >= BODY_SNIPPET_BYTES) {
          subscription.cancel();
          done.countDown();
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      done.countDown();
    }

    @Override
    public void onComplete() {
      done.countDown();
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> getBody() {
      return CompletableFuture.completedFuture(null);
    }

    /** What arrived within {@code waitNanos} (a slow error body is cut, not waited for). */
    String text(long waitNanos) throws InterruptedException {
      done.await(waitNanos, TimeUnit.NANOSECONDS);
      synchronized (bytes) {
        return ChatText.fit(ChatText.clean(bytes.toString(StandardCharsets.UTF_8)), 200, ChatText::plain);
      }
    }
  }

  private String timedOut() {
    return "timed out after " + settings.attemptTimeout().toMillis() + " ms";
  }

  /** A network failure in words, naming the host but never the path or query (they may hold a token). */
  private static String networkError(Throwable e, URI target) {
    String host = target.getHost();
    String what = switch (e) {
      case HttpConnectTimeoutException t -> "connect timed out";
      case HttpTimeoutException t -> "timed out";
      case ConnectException t -> "connection failed";
      case SSLException t -> "TLS failure";
      case IOException t -> "I/O error (" + t.getClass().getSimpleName() + ")";
      default -> "error (" + e.getClass().getSimpleName() + ")";
    };
    return what + " talking to " + host;
  }

  // ---- results ------------------------------------------------------------------------------------------------------

  /** A failure of the receiver or its URL: it counts against the webhook. */
  private DeliveryResult receiverFailure(Webhook w, EventKey key, String deliveryId, Outcome outcome,
      List<DeliveryAttempt> attempts, String detail, boolean gone, long start) {
    int failures = w.consecutiveFailures() + 1;
    boolean tooMany = failures >= settings.disableAfterFailures();
    String why = gone ? "; disabling: the receiver answered 410 Gone"
        : tooMany ? "; disabling: " + failures + " failed deliveries in a row" : "";
    return new DeliveryResult(w.id(), key, deliveryId, outcome, attempts, detail + why, failures, gone || tooMany,
        since(start));
  }

  /**
   * A failure on our side (delivery log, rendering, interruption): not the receiver's fault, so its failure count
   * stays; the alert goes to the dead-letter queue to be tried again.
   */
  private DeliveryResult ourFailure(Webhook w, EventKey key, List<DeliveryAttempt> attempts, String detail,
      Duration elapsed) {
    return new DeliveryResult(w.id(), key, deliveryId(w.id(), key), Outcome.FAILED_RETRIES_EXHAUSTED, attempts,
        detail, w.consecutiveFailures(), false, elapsed);
  }

  private void recordAttempt(DeliveryAttempt attempt) {
    try {
      log.recordAttempt(attempt);
    } catch (RuntimeException e) {
      // Best effort by contract: the attempt is still in the returned result.
    }
  }

  private Duration backoff(int failedAttempt) {
    synchronized (random) {
      return RetryTiming.fullJitter(failedAttempt, settings.baseBackoff(), settings.maxBackoff(), random);
    }
  }

  /** Stable for one alert at one webhook, so a receiver sees the same id on a redelivery. */
  static String deliveryId(String webhookId, EventKey key) {
    return UUID.nameUUIDFromBytes((webhookId + "\n" + key.value()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Stops in-flight requests; call when the process is done delivering. */
  @Override
  public void close() {
    http.shutdownNow();
  }
}
