package com.capexalerts.cli;

import com.capexalerts.cli.state.FileDeliveryLog;
import com.capexalerts.cli.state.FilePendingDeliveries;
import com.capexalerts.cli.state.FileWebhookRegistry;
import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.MalformedAlertException;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.DeliverySettings;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookDispatch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The local run's webhook step: each published alert goes to the webhooks registered in the state directory
 * ({@code webhooks.json}) through the same {@link WebhookDispatch} as the dispatcher Lambda, with the local endpoint
 * policy (https, or http to loopback only). One line per webhook on stderr. The deployed stack does this in the
 * dispatcher function instead, fed by the topic's queue.
 *
 * <p>Like that queue, {@link FilePendingDeliveries} keeps an alert until its deliveries are settled: an alert whose
 * webhook failed every attempt, or whose run was killed before delivering, is delivered by the next run, and the
 * delivery log keeps a receiver that already acknowledged it from getting it twice.
 */
final class LocalWebhooks implements AutoCloseable {
  /** How long an alert is retried at later runs: the retention of the deployed dispatcher's queue. */
  static final Duration KEEP_PENDING = Duration.ofDays(4);

  private final WebhookDispatch dispatch;
  private final WebhookDeliverer deliverer;
  private final FilePendingDeliveries pending;
  private final Clock clock;
  private final PrintWriter err;
  private int delivered;
  private int failed;

  private LocalWebhooks(WebhookDispatch dispatch, WebhookDeliverer deliverer, FilePendingDeliveries pending,
      Clock clock, PrintWriter err) {
    this.dispatch = dispatch;
    this.deliverer = deliverer;
    this.pending = pending;
    this.clock = clock;
    this.err = err;
  }

  static LocalWebhooks open(Path state, Clock clock, PrintWriter err) {
    // The deployed dispatcher's retry budget (template.yaml RETRY_BUDGET): a dead receiver delays a run by at most
    // about 45 s per alert.
    DeliverySettings settings = DeliverySettings.defaults().withRetryBudget(Duration.ofSeconds(30));
    FileWebhookRegistry registry = new FileWebhookRegistry(state, warning -> err.println("  warning: " + warning));
    FileDeliveryLog log = new FileDeliveryLog(state, clock, WebhookDispatch.claimLease(settings));
    WebhookDeliverer deliverer = WebhookDeliverer.builder(EndpointPolicy.local(), log).settings(settings).build();
    return new LocalWebhooks(new WebhookDispatch(registry, deliverer), deliverer, new FilePendingDeliveries(state),
        clock, err);
  }

  /** Records that these events' alerts are about to be published: they stay pending until delivered. */
  void expect(Collection<EventKey> keys) {
    pending.expect(keys, clock.instant());
  }

  /**
   * Delivers the alerts left pending by earlier runs, except {@code handled} (delivered by this run already).
   *
   * @param published the event if its alert has gone out, empty if not (yet) or if there is no such event
   * @param exists    whether the event is still stored (a missing one is dropped)
   */
  void retryPending(Set<EventKey> handled, Function<EventKey, Optional<Announcement>> published,
      Function<EventKey, Boolean> exists) {
    Instant oldest = clock.instant().minus(KEEP_PENDING);
    for (Map.Entry<EventKey, Instant> e : pending.pending().entrySet()) {
      EventKey key = e.getKey();
      if (handled.contains(key)) {
        continue;
      }
      if (e.getValue().isBefore(oldest) || !exists.apply(key)) {
        err.println("  warning: webhooks: giving up on " + key + " (pending since " + e.getValue() + ")");
        pending.settled(key);
        continue;
      }
      published.apply(key).ifPresent(alert -> {
        err.println("  webhooks: retrying " + key + " (pending since " + e.getValue() + ")");
        deliver(alert);
      });
    }
  }

  /**
   * Delivers {@code alert} as the Lambda gets it: its capex-alert/1 document, read back by the dispatch. The alert
   * stays pending unless every webhook got it or refused it for good.
   */
  void deliver(Announcement alert) {
    if (dispatchOnce(alert)) {
      pending.settled(alert.key());
    }
  }

  private boolean dispatchOnce(Announcement alert) {
    WebhookDispatch.Report report;
    try {
      report = dispatch.dispatch(AlertMessages.json(alert));
    } catch (MalformedAlertException e) {
      throw new IllegalStateException("our own alert document for " + alert.key() + " is unreadable: "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      failed++;
      err.println("  webhooks: " + alert.key() + " not delivered (kept for the next run): " + e.getMessage());
      return false;
    }
    boolean settled = true;
    for (DeliveryResult r : report.results()) {
      switch (r.outcome()) {
        case DELIVERED -> delivered++;
        case FAILED_PERMANENTLY -> failed++;
        case FAILED_RETRIES_EXHAUSTED -> {
          failed++;
          settled = false;
        }
        case ALREADY_DELIVERED -> { }
      }
      err.println(line(r) + (r.outcome() == DeliveryResult.Outcome.FAILED_RETRIES_EXHAUSTED
          ? " (kept for the next run)" : ""));
    }
    report.problems().forEach(p -> err.println("  warning: " + p));
    return settled;
  }

  /** "webhooks: 3 delivered, 1 failed", or empty when no webhook wanted any alert. */
  String summary() {
    return delivered + failed == 0 ? "" : "webhooks: " + delivered + " delivered, " + failed + " failed";
  }

  private static String line(DeliveryResult r) {
    int n = r.attempts().size();
    String what = switch (r.outcome()) {
      case DELIVERED -> "delivered";
      case ALREADY_DELIVERED -> "already delivered before, not sent again";
      case FAILED_PERMANENTLY -> "refused";
      case FAILED_RETRIES_EXHAUSTED -> "failed";
    };
    return "  webhook %s: %s %s (%d attempt%s, %d ms)%s".formatted(r.webhookId(), r.eventKey(), what, n,
        n == 1 ? "" : "s", r.elapsed().toMillis(), r.detail() == null ? "" : ": " + r.detail());
  }

  @Override
  public void close() {
    deliverer.close();
  }
}
