package com.capexalerts.cli;

import com.capexalerts.cli.state.FileDeliveryLog;
import com.capexalerts.cli.state.FileWebhookRegistry;
import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
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

/**
 * The local run's webhook step: each published alert goes to the webhooks registered in the state directory
 * ({@code webhooks.json}) through the same {@link WebhookDispatch} as the dispatcher Lambda, with the local endpoint
 * policy (https, or http to loopback only). One line per webhook on stderr. The deployed stack does this in the
 * dispatcher function instead, fed by the topic's queue.
 */
final class LocalWebhooks implements AutoCloseable {
  private final WebhookDispatch dispatch;
  private final WebhookDeliverer deliverer;
  private final PrintWriter err;
  private int delivered;
  private int failed;

  private LocalWebhooks(WebhookDispatch dispatch, WebhookDeliverer deliverer, PrintWriter err) {
    this.dispatch = dispatch;
    this.deliverer = deliverer;
    this.err = err;
  }

  static LocalWebhooks open(Path state, Clock clock, PrintWriter err) {
    // The deployed dispatcher's retry budget (template.yaml RETRY_BUDGET): a dead receiver delays a run by at most
    // about 45 s per alert.
    DeliverySettings settings = DeliverySettings.defaults().withRetryBudget(Duration.ofSeconds(30));
    FileWebhookRegistry registry = new FileWebhookRegistry(state, warning -> err.println("  warning: " + warning));
    FileDeliveryLog log = new FileDeliveryLog(state, clock, WebhookDispatch.claimLease(settings));
    WebhookDeliverer deliverer = WebhookDeliverer.builder(EndpointPolicy.local(), log).settings(settings).build();
    return new LocalWebhooks(new WebhookDispatch(registry, deliverer), deliverer, err);
  }

  /** Delivers {@code alert} as the Lambda gets it: its capex-alert/1 document, read back by the dispatch. */
  void deliver(Announcement alert) {
    WebhookDispatch.Report report;
    try {
      report = dispatch.dispatch(AlertMessages.json(alert));
    } catch (MalformedAlertException e) {
      throw new IllegalStateException("our own alert document for " + alert.key() + " is unreadable: "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      failed++;
      err.println("  webhooks: " + alert.key() + " not delivered: " + e.getMessage());
      return;
    }
    for (DeliveryResult r : report.results()) {
      switch (r.outcome()) {
        case DELIVERED -> delivered++;
        case FAILED_PERMANENTLY, FAILED_RETRIES_EXHAUSTED -> failed++;
        case ALREADY_DELIVERED -> { }
      }
      err.println(line(r));
    }
    report.problems().forEach(p -> err.println("  warning: " + p));
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
