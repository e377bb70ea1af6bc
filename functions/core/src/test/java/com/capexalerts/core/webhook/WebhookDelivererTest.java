package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryResult.Outcome;
import com.capexalerts.core.webhook.TestReceiver.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deliveries to a real HTTP receiver on 127.0.0.1 (local policy). */
@Timeout(30)
class WebhookDelivererTest {
  private static final String SECRET = "whsec_receiver";
  private static final DeliverySettings FAST = DeliverySettings.defaults()
      .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
      .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100));

  /** Records the waits instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  private final Announcement alert = TestAlerts.alibaba();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private TestReceiver receiver;
  private WebhookDeliverer deliverer;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver(SECRET);
    deliverer = deliverer(FAST, EndpointPolicy.local(), sleeper);
  }

  @AfterEach
  void stop() {
    deliverer.close();
    receiver.close();
  }

  private WebhookDeliverer deliverer(DeliverySettings settings, EndpointPolicy policy, Sleeper sleeper) {
    return WebhookDeliverer.builder(policy, log).settings(settings).sleeper(sleeper)
        .random(RetryTimingTest.HIGHEST).build();
  }

  private Webhook json(String id, String path) {
    return json(id, path, 0);
  }

  private Webhook json(String id, String path, int failures) {
    return new Webhook(id, receiver.url(path), WebhookFormat.JSON, SECRET, WebhookFilter.all(), true, failures);
  }

  private DeliveryResult deliverOne(Webhook webhook) {
    List<DeliveryResult> results = deliverer.deliver(alert, List.of(webhook));
    assertEquals(1, results.size());
    return results.getFirst();
  }

  private static List<Integer> statuses(DeliveryResult r) {
    return r.attempts().stream().map(DeliveryAttempt::statusCode).toList();
  }

  @Test
  void serverErrorThenSuccessIsDeliveredOnceAfterOneRetry() {
    receiver.on("/a", n -> n == 1 ? Reply.of(500, "busy, try later") : Reply.of(200));
    DeliveryResult r = deliverOne(json("w1", "/a", 3));

    assertEquals(Outcome.DELIVERED, r.outcome());
    assertEquals(List.of(500, 200), statuses(r));
    assertEquals("busy, try later", r.attempts().getFirst().error());
    assertEquals(0, r.consecutiveFailures(), "a success resets the failure count");
    assertFalse(r.sendToDeadLetterQueue());
    List<TestReceiver.Post> posts = receiver.posts("/a");
    assertEquals(2, posts.size());
    assertEquals(1, posts.stream().filter(p -> p.answered() == 200).count(), "one successful post");
    for (TestReceiver.Post p : posts) {
      assertTrue(p.signatureValid(), "signature checked the documented way");
      assertEquals(alert.key().value(), p.header(WebhookSignature.EVENT_ID_HEADER));
      assertEquals(r.deliveryId(), p.header(WebhookSignature.DELIVERY_ID_HEADER));
      assertTrue(p.header("Content-Type").startsWith("application/json"));
      assertEquals(WebhookDeliverer.USER_AGENT, p.header("User-Agent"));
    }
    assertEquals(List.of("1", "2"), posts.stream().map(p -> p.header(WebhookDeliverer.ATTEMPT_HEADER)).toList());
    assertTrue(posts.getFirst().bodyText().startsWith("{\"schema\":\"capex-alert/1\""));
    assertEquals(List.of(Duration.ofMillis(10)), sleeper.waits, "one backoff, at most the base");
    assertEquals(2, log.attempts().size());
    assertEquals(1, log.delivered().size());
  }

  @Test
  void aHangingReceiverTimesOutWithoutDelayingTheOthers() throws Exception {
    Duration connect = Duration.ofMillis(500);
    Duration request = Duration.ofMillis(2000);
    try (WebhookDeliverer d = deliverer(FAST.withTimeouts(connect, request).withMaxAttempts(1),
        EndpointPolicy.local(), sleeper)) {
      receiver.on("/slow", n -> Reply.hanging());
      // Warm up first (class loading, the first connection): the test measures waiting, not JVM start-up.
      assertEquals(Outcome.DELIVERED, d.deliverTo(alert, json("warm-up", "/warm")).outcome());
      long start = System.nanoTime();
      List<DeliveryResult> results = d.deliver(alert,
          List.of(json("slow1", "/slow"), json("fast", "/fast"), json("slow2", "/slow")));
      Duration total = Duration.ofNanos(System.nanoTime() - start);

      DeliveryResult fast = results.get(1);
      assertEquals(Outcome.DELIVERED, fast.outcome());
      Duration timeout = connect.plus(request);
      assertTrue(fast.elapsed().compareTo(timeout.dividedBy(3)) < 0,
          "fast receiver done in " + fast.elapsed().toMillis() + " ms, timeout " + timeout.toMillis() + " ms");
      long fastArrivedMs = (receiver.posts("/fast").getFirst().atNanos() - start) / 1_000_000;
      assertTrue(fastArrivedMs < timeout.toMillis() / 3, "fast post arrived after " + fastArrivedMs + " ms");

      for (DeliveryResult slow : List.of(results.get(0), results.get(2))) {
        assertEquals(Outcome.FAILED_RETRIES_EXHAUSTED, slow.outcome());
        assertTrue(slow.sendToDeadLetterQueue());
        assertEquals(0, slow.attempts().getFirst().statusCode());
        assertTrue(slow.attempts().getFirst().error().contains("timed out"), slow.attempts().getFirst().error());
        assertTrue(slow.elapsed().compareTo(timeout.minusMillis(100)) >= 0, "slow gave up early: " + slow.elapsed());
      }
      // Both slow ones ran at the same time, not one after the other.
      assertTrue(total.compareTo(timeout.multipliedBy(2)) < 0, "total " + total.toMillis() + " ms");
    }
  }

  @Test
  void goneIsNotRetriedAndDisablesTheWebhook() {
    receiver.on("/gone", n -> Reply.of(410));
    Webhook webhook = json("w410", "/gone", 1);
    DeliveryResult r = deliverOne(webhook);

    assertEquals(Outcome.FAILED_PERMANENTLY, r.outcome());
    assertEquals(List.of(410), statuses(r));
    assertEquals(1, receiver.posts("/gone").size());
    assertTrue(r.disable());
    assertTrue(r.detail().contains("410 Gone"), r.detail());
    assertFalse(r.sendToDeadLetterQueue());
    assertEquals(2, r.consecutiveFailures());
    Webhook after = webhook.after(r);
    assertFalse(after.enabled());
    assertEquals(2, after.consecutiveFailures());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void otherClientErrorsAreNotRetriedAndKeepTheWebhook() {
    receiver.on("/bad", n -> Reply.of(400, "invalid_payload\n<html>"));
    DeliveryResult r = deliverOne(json("w400", "/bad"));

    assertEquals(Outcome.FAILED_PERMANENTLY, r.outcome());
    assertEquals(List.of(400), statuses(r));
    assertEquals("HTTP 400: invalid_payload <html>", r.detail());
    assertFalse(r.disable());
    assertEquals(1, r.consecutiveFailures());
  }

  @Test
  void tooManyRequestsWaitsForRetryAfterSeconds() throws Exception {
    receiver.on("/busy", n -> n == 1 ? Reply.withHeader(429, "Retry-After", "1") : Reply.of(200));
    try (WebhookDeliverer d = deliverer(FAST, EndpointPolicy.local(), Sleeper.real())) {
      DeliveryResult r = d.deliverTo(alert, json("w429", "/busy"));
      assertEquals(Outcome.DELIVERED, r.outcome());
      assertEquals(List.of(429, 200), statuses(r));
    }
    List<TestReceiver.Post> posts = receiver.posts("/busy");
    assertEquals(2, posts.size());
    long gapMs = (posts.get(1).atNanos() - posts.get(0).atNanos()) / 1_000_000;
    assertTrue(gapMs >= 1000, "retried after " + gapMs + " ms");
    assertTrue(posts.get(1).signatureValid());
  }

  @Test
  void retryAfterDatesAreHonouredButCapped() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(120).atOffset(ZoneOffset.UTC));
    receiver.on("/later", n -> n == 1 ? Reply.withHeader(503, "Retry-After", inTwoMinutes) : Reply.of(204));
    try (WebhookDeliverer d = WebhookDeliverer.builder(EndpointPolicy.local(), log)
        .settings(FAST.withMaxRetryAfter(Duration.ofSeconds(20))).sleeper(sleeper)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      DeliveryResult r = d.deliverTo(alert, json("wdate", "/later"));
      assertEquals(Outcome.DELIVERED, r.outcome());
      assertEquals(List.of(503, 204), statuses(r));
    }
    assertEquals(List.of(Duration.ofSeconds(20)), sleeper.waits);
    assertEquals(Long.toString(now.getEpochSecond()),
        receiver.posts("/later").getFirst().header(WebhookSignature.TIMESTAMP_HEADER));
  }

  @Test
  void theSameEventIsPostedOnlyOnceWhenDeliveredTwice() {
    Webhook webhook = json("w-once", "/once");
    DeliveryResult first = deliverOne(webhook);
    DeliveryResult second = deliverOne(webhook);

    assertEquals(Outcome.DELIVERED, first.outcome());
    assertEquals(Outcome.ALREADY_DELIVERED, second.outcome());
    assertTrue(second.attempts().isEmpty());
    assertEquals(first.deliveryId(), second.deliveryId());
    assertEquals(1, receiver.posts("/once").size());
  }

  @Test
  void transientFailuresExhaustAttemptsWithFullJitterBackoffAndCountTowardsDisabling() {
    receiver.on("/down", n -> Reply.of(503));
    DeliverySettings settings = FAST.withMaxAttempts(4).withBackoff(Duration.ofMillis(100), Duration.ofMillis(300));
    try (WebhookDeliverer d = deliverer(settings, EndpointPolicy.local(), sleeper)) {
      DeliveryResult r = d.deliverTo(alert, json("w503", "/down", 4));
      assertEquals(Outcome.FAILED_RETRIES_EXHAUSTED, r.outcome());
      assertTrue(r.sendToDeadLetterQueue());
      assertEquals(List.of(503, 503, 503, 503), statuses(r));
      assertEquals(List.of(1, 2, 3, 4), r.attempts().stream().map(DeliveryAttempt::attempt).toList());
      // The highest draw shows the ceilings: 100, 200, then capped at 300.
      assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300)), sleeper.waits);
      assertEquals(5, r.consecutiveFailures());
      assertTrue(r.disable());
      assertTrue(r.detail().contains("4 attempts failed") && r.detail().contains("5 failed deliveries in a row"),
          r.detail());
    }
    assertEquals(4, receiver.posts("/down").size());
  }

  @Test
  void theRetryBudgetStopsRetrying() throws Exception {
    receiver.on("/down", n -> Reply.of(502));
    try (WebhookDeliverer d = deliverer(FAST.withRetryBudget(Duration.ZERO), EndpointPolicy.local(), sleeper)) {
      DeliveryResult r = d.deliverTo(alert, json("wbudget", "/down"));
      assertEquals(Outcome.FAILED_RETRIES_EXHAUSTED, r.outcome());
      assertEquals(1, r.attempts().size());
      assertTrue(r.detail().contains("retry budget"), r.detail());
    }
  }

  @Test
  void redirectsAreFollowedAndTheBodyStaysSigned() {
    receiver.on("/old", n -> Reply.withHeader(307, "Location", "/new"));
    DeliveryResult r = deliverOne(json("wmoved", "/old"));

    assertEquals(Outcome.DELIVERED, r.outcome());
    assertEquals(List.of(200), statuses(r));
    assertEquals(1, receiver.posts("/new").size());
    assertTrue(receiver.posts("/new").getFirst().signatureValid());
  }

  @Test
  void aRedirectToTheMetadataAddressIsRefused() {
    receiver.on("/r", n -> Reply.withHeader(302, "Location", "http://169.254.169.254/latest/meta-data/"));
    DeliveryResult r = deliverOne(json("wssrf", "/r"));

    assertEquals(Outcome.FAILED_PERMANENTLY, r.outcome());
    assertTrue(r.detail().startsWith("redirect refused: ") && r.detail().contains("169.254.169.254"), r.detail());
    assertEquals(1, receiver.posts().size());
  }

  @Test
  void aRedirectToAHostNameWithAPrivateAddressIsRefused() throws Exception {
    var dns = new EndpointPolicyTest.FakeResolver(Map.of("intranet.example", List.of("10.0.0.5")));
    receiver.on("/r", n -> Reply.withHeader(308, "Location", "https://intranet.example/admin"));
    try (WebhookDeliverer d = deliverer(FAST, new EndpointPolicy(EndpointPolicy.Mode.LOCAL, dns), sleeper)) {
      DeliveryResult r = d.deliverTo(alert, json("wdns", "/r"));
      assertEquals(Outcome.FAILED_PERMANENTLY, r.outcome());
      assertTrue(r.detail().contains("intranet.example resolves to 10.0.0.5"), r.detail());
    }
    assertEquals(List.of("intranet.example"), dns.asked);
  }

  @Test
  void atMostThreeRedirectsAreFollowed() {
    receiver.on("/loop", n -> Reply.withHeader(301, "Location", "/loop"));
    DeliveryResult r = deliverOne(json("wloop", "/loop"));

    assertEquals(Outcome.FAILED_PERMANENTLY, r.outcome());
    assertTrue(r.detail().contains("more than 3 redirects"), r.detail());
    assertEquals(4, receiver.posts("/loop").size());
  }

  @Test
  void theDeployedPolicyRefusesLoopbackBeforeSendingAnything() throws Exception {
    try (WebhookDeliverer d = deliverer(FAST, EndpointPolicy.deployed(), sleeper)) {
      DeliveryResult r = d.deliverTo(alert, json("wlocal", "/a"));
      assertEquals(Outcome.FAILED_PERMANENTLY, r.outcome());
      assertEquals(0, r.attempts().getFirst().statusCode());
      assertTrue(r.detail().contains("https only"), r.detail());
    }
    assertTrue(receiver.posts().isEmpty());
  }

  @Test
  void connectionFailuresAreRetriedAndDoNotLeakThePath() throws Exception {
    URI dead;
    try (TestReceiver gone = new TestReceiver(SECRET)) {
      dead = gone.url("/hook/secret-token-123");
    }
    Webhook webhook = new Webhook("wdead", dead, WebhookFormat.JSON, SECRET, null, true, 0);
    try (WebhookDeliverer d = deliverer(FAST.withMaxAttempts(2), EndpointPolicy.local(), sleeper)) {
      DeliveryResult r = d.deliverTo(alert, webhook);
      assertEquals(Outcome.FAILED_RETRIES_EXHAUSTED, r.outcome());
      assertEquals(List.of(0, 0), statuses(r));
      assertTrue(r.detail().contains("connection failed talking to 127.0.0.1"), r.detail());
      assertFalse(r.detail().contains("secret-token"), r.detail());
    }
  }

  @Test
  void onlyEnabledMatchingWebhooksGetTheAlert() {
    Webhook disabled = new Webhook("off", receiver.url("/off"), WebhookFormat.JSON, SECRET, null, false, 0);
    Webhook metaOnly = new Webhook("meta", receiver.url("/meta"), WebhookFormat.JSON, SECRET,
        new WebhookFilter(null, Set.of("Meta"), Set.of()), true, 0);
    Webhook wanted = json("all", "/all");
    List<DeliveryResult> results = deliverer.deliver(alert, List.of(disabled, metaOnly, wanted));

    assertEquals(List.of("all"), results.stream().map(DeliveryResult::webhookId).toList());
    assertEquals(Set.of("/all"), Set.copyOf(receiver.posts().stream().map(TestReceiver.Post::path).toList()));
  }

  @Test
  void chatFormatsCarryIdsButNoSignature() {
    Webhook slack = new Webhook("slack", receiver.url("/slack"), WebhookFormat.SLACK, null, null, true, 0);
    assertEquals(Outcome.DELIVERED, deliverOne(slack).outcome());
    TestReceiver.Post post = receiver.posts("/slack").getFirst();
    assertNull(post.header(WebhookSignature.SIGNATURE_HEADER));
    assertEquals(alert.key().value(), post.header(WebhookSignature.EVENT_ID_HEADER));
    assertTrue(post.bodyText().contains("\"blocks\""), post.bodyText());
  }

  @Test
  void aBrokenDeliveryLogIsOurFailureNotTheReceivers() throws Exception {
    DeliveryLog broken = new DeliveryLog() {
      @Override
      public boolean alreadyDelivered(String webhookId, EventKey eventKey) {
        throw new IllegalStateException("table unavailable");
      }

      @Override
      public void releaseClaim(String webhookId, EventKey eventKey) {}

      @Override
      public void recordDelivered(String webhookId, EventKey eventKey, String deliveryId, Instant at) {}

      @Override
      public void recordAttempt(DeliveryAttempt attempt) {}
    };
    try (WebhookDeliverer d = WebhookDeliverer.builder(EndpointPolicy.local(), broken).settings(FAST).build()) {
      DeliveryResult r = d.deliverTo(alert, json("wlog", "/a", 2));
      assertEquals(Outcome.FAILED_RETRIES_EXHAUSTED, r.outcome());
      assertTrue(r.sendToDeadLetterQueue());
      assertEquals(2, r.consecutiveFailures(), "not counted against the receiver");
      assertTrue(r.detail().contains("table unavailable"), r.detail());
    }
    assertTrue(receiver.posts().isEmpty());
  }

  @Test
  void aReceiverThatAnswers200AtOnceButSendsItsBodySlowlyGetsTheAlertOnce() throws Exception {
    try (SlowBodyReceiver slow = new SlowBodyReceiver(200)) {
      Webhook webhook = new Webhook("w-slow", slow.url(), WebhookFormat.JSON, SECRET, WebhookFilter.all(), true, 0);
      long start = System.nanoTime();
      DeliveryResult r = deliverOne(webhook);

      assertEquals(Outcome.DELIVERED, r.outcome(), r.toString());
      assertEquals(1, slow.requests(), "posted once");
      assertEquals(List.of(200), statuses(r));
      assertTrue(System.nanoTime() - start < Duration.ofMillis(1500).toNanos(), "did not wait for the 9 s body");
    }
  }

  @Test
  void aSlowErrorBodyIsCutAndTheStatusStillDecides() throws Exception {
    try (SlowBodyReceiver slow = new SlowBodyReceiver(400)) {
      Webhook webhook = new Webhook("w-slow400", slow.url(), WebhookFormat.JSON, SECRET, WebhookFilter.all(), true,
          0);
      DeliveryResult r = deliverOne(webhook);

      assertEquals(List.of(400), statuses(r), "a 400 is final, not a time-out to retry");
      assertEquals(1, slow.requests());
      String error = r.attempts().getFirst().error();
      assertTrue(error == null || "slow body slow body slow body".startsWith(error), error);
    }
  }
}
