package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.AlertJson;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.MalformedAlertException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One alert to every registered webhook that wants it: the single code path of the dispatcher Lambda and of the
 * local run. Loads the webhooks from the registry, delivers through the {@link WebhookDeliverer} (concurrently, with
 * retries, each request under its own timeout), stores what each delivery did to its webhook (failure count, disabling)
 * and tells the caller whether the alert must come again.
 *
 * <p>A webhook's failure count is read with the webhooks and written back after the delivery, so two dispatches
 * running at the same time to one failing webhook may count one failure between them, and automatic disabling comes
 * a failure later. Callers run one dispatch after the other where they can (the Lambda handles a batch's messages in
 * turn); a 410 Gone disables at once either way.
 */
public final class WebhookDispatch {
  private final WebhookRegistry registry;
  private final WebhookDeliverer deliverer;

  public WebhookDispatch(WebhookRegistry registry, WebhookDeliverer deliverer) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
  }

  /** What one alert's dispatch came to. */
  public record Report(Announcement alert, List<DeliveryResult> results, List<String> problems) {
    public Report {
      results = List.copyOf(results);
      problems = List.copyOf(problems);
    }

    /**
     * True when some delivery ran out of retries (or failed on our side): the message must come again. In the cloud
     * SQS redelivers it and finally moves it to the dead-letter queue; receivers that already acknowledged it are
     * skipped by the delivery log.
     */
    public boolean retry() {
      return results.stream().anyMatch(DeliveryResult::sendToDeadLetterQueue);
    }

    /** The deliveries that make {@link #retry()} true. */
    public List<DeliveryResult> toRetry() {
      return results.stream().filter(DeliveryResult::sendToDeadLetterQueue).toList();
    }
  }

  /**
   * Dispatches a {@code capex-alert/1} document (the body of the SNS-to-SQS message). Throws when the document cannot
   * be read; nothing is sent then.
   */
  public Report dispatch(String alertDocument) throws MalformedAlertException {
    return dispatch(AlertJson.parse(alertDocument));
  }

  /**
   * Dispatches {@code alert} to every enabled webhook whose filter matches. A failure to load the webhooks is thrown
   * (the caller retries the whole alert); a failure to store one webhook's result is reported in
   * {@link Report#problems()} and does not stop the others.
   */
  public Report dispatch(Announcement alert) {
    List<Webhook> webhooks = registry.list();
    List<DeliveryResult> results = deliverer.deliver(alert, webhooks);
    Map<String, Webhook> byId = webhooks.stream()
        .collect(Collectors.toMap(Webhook::id, Function.identity(), (first, duplicate) -> first));
    List<String> problems = new ArrayList<>();
    for (DeliveryResult result : results) {
      Webhook before = byId.get(result.webhookId());
      // Nothing changed (already delivered, a failure of ours, a success after a success): writing the value loaded
      // before the delivery could only undo what a concurrent delivery to this webhook stored meanwhile.
      if (before != null && !result.disable() && result.consecutiveFailures() == before.consecutiveFailures()) {
        continue;
      }
      try {
        registry.recordResult(result);
      } catch (RuntimeException e) {
        problems.add("webhook " + result.webhookId() + ": could not store the result (" + result.outcome()
            + ", " + result.consecutiveFailures() + " failures in a row" + (result.disable() ? ", disable" : "")
            + "): " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
    return new Report(alert, results, problems);
  }

  /**
   * How long a delivery claim in the {@link DeliveryLog} must last with {@code settings}: longer than one delivery can
   * take (no retry starts after the retry budget, and that last attempt ends within one attempt timeout), with one more
   * attempt timeout as margin. A shorter lease could let a duplicate message post while the first is still retrying.
   */
  public static Duration claimLease(DeliverySettings settings) {
    return settings.retryBudget().plus(settings.connectTimeout().plus(settings.requestTimeout()).multipliedBy(2));
  }
}
