package com.capexalerts.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.capexalerts.aws.dynamo.DynamoDeliveryLog;
import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.core.alert.MalformedAlertException;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookDispatch;
import com.capexalerts.lambda.LogFields;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point: alerts from the topic's SQS queue (raw delivery, so each body is the {@code capex-alert/1}
 * document) to the registered webhooks, through {@link WebhookDispatch} (the same path as the local run).
 *
 * <p>Thin on purpose. Per message: a delivery that ran out of retries makes the message a batch item failure, so SQS
 * delivers it again after the visibility timeout and, after the queue's maxReceiveCount, moves it to the dead-letter
 * queue; the delivery log keeps receivers that already acknowledged it from getting it twice.
 *
 * <p>A malformed message (not JSON, another schema version, a field missing) is dropped with an ERROR log line naming
 * the message id and the reason, and not reported as a failure: the same bytes cannot become readable, so
 * redelivering them would only delay the DLQ by maxReceiveCount visibility timeouts. The ERROR line feeds the
 * template's error-log alarm, and the line holds the start of the body for diagnosis.
 */
public final class WebhookDispatcherHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** How much of an unreadable body goes into the log line. */
  static final int BODY_SNIPPET_CHARS = 300;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcherHandler.class);

  private final WebhookDispatch dispatch;

  /** Used by Lambda: everything from the environment, created once per execution environment. */
  public WebhookDispatcherHandler() {
    this(Cloud.DISPATCH);
  }

  /** For tests: any registry, delivery log and endpoint policy, wired into a dispatch. */
  public WebhookDispatcherHandler(WebhookDispatch dispatch) {
    this.dispatch = dispatch;
  }

  /** Log lines carry the invocation's request id and cold start (Powertools). */
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    // One message after the other (each one's webhooks at the same time): a webhook's failure count is read, then
    // written back, so two alerts to one failing webhook in one batch must not overlap. template.yaml sizes the
    // timeout for a full batch.
    for (SQSMessage message : messages) {
      boolean retry;
      try {
        retry = mustRetry(message);
      } catch (RuntimeException e) {
        LOG.error("message failed unexpectedly, to be retried", LogFields.of("message_id", message.getMessageId(),
            "receive_count", receiveCount(message), e));
        retry = true;
      }
      if (retry) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** Dispatches one message; true when it must come again. */
  private boolean mustRetry(SQSMessage message) {
    String id = message.getMessageId();
    WebhookDispatch.Report report;
    try {
      report = dispatch.dispatch(message.getBody());
    } catch (MalformedAlertException e) {
      LOG.error("message dropped, not retried: " + e.getMessage(), LogFields.of("message_id", id,
          "reason", e.getMessage(), "body_start", snippet(message.getBody())));
      return false;
    } catch (RuntimeException e) {
      // Loading the webhooks failed (DynamoDB unavailable, throttled beyond the SDK's retries): try the alert again.
      LOG.warn("dispatch failed, to be retried", LogFields.of("message_id", id, "receive_count", receiveCount(message),
          "cause", e.toString()));
      return true;
    }
    String event = report.alert().key().value();
    if (report.results().isEmpty()) {
      LOG.info("no enabled webhook wants it", LogFields.of("message_id", id, "event_key", event));
    }
    for (DeliveryResult r : report.results()) {
      boolean routine = r.outcome() == DeliveryResult.Outcome.DELIVERED
          || r.outcome() == DeliveryResult.Outcome.ALREADY_DELIVERED;
      List<Integer> statuses = r.attempts().stream().map(DeliveryAttempt::statusCode).toList();
      LOG.atLevel(routine ? Level.INFO : Level.WARN).log("webhook " + r.outcome().name().toLowerCase(
          java.util.Locale.ROOT), LogFields.of("message_id", id, "event_key", event, "webhook_id", r.webhookId(),
          "status", r.outcome().name(), "http_status", statuses.isEmpty() ? null : statuses.getLast(),
          "attempt_statuses", statuses, "duration_ms", r.elapsed().toMillis(),
          "failures_in_a_row", r.consecutiveFailures(), "disabled_now", r.disable(), "detail", r.detail()));
    }
    for (String problem : report.problems()) {
      LOG.warn(problem, LogFields.of("message_id", id, "event_key", event));
    }
    return report.retry();
  }

  /** SQS's ApproximateReceiveCount: how often this message came, so retries show as such. */
  private static String receiveCount(SQSMessage message) {
    return message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
  }

  private static String snippet(String body) {
    if (body == null) {
      return "(none)";
    }
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() <= BODY_SNIPPET_CHARS ? oneLine : oneLine.substring(0, BODY_SNIPPET_CHARS) + "...";
  }

  /**
   * The deployed wiring: the DynamoDB registry and delivery log, and the deployed endpoint policy (https only, public
   * addresses only, checked after DNS resolution and on every redirect). {@code warnings} gets the webhook
   * registrations that cannot be read.
   */
  static WebhookDispatch deployed(DynamoDbClient dynamo, DispatcherSettings settings, Consumer<String> warnings) {
    DynamoWebhookRegistry registry = new DynamoWebhookRegistry(dynamo, settings.tables().webhooks(), warnings);
    DynamoDeliveryLog log = new DynamoDeliveryLog(dynamo, settings.tables().deliveries(), Clock.systemUTC(),
        WebhookDispatch.claimLease(settings.delivery()));
    WebhookDeliverer deliverer = WebhookDeliverer.builder(EndpointPolicy.deployed(), log)
        .settings(settings.delivery())
        // Backoff jitter: a generator seeded during init would come back from the SnapStart snapshot with the same
        // state in every execution environment, and all would retry in step; SecureRandom (NativePRNG on Linux)
        // keeps mixing in fresh bytes from the operating system.
        .random(new SecureRandom())
        .build();
    return new WebhookDispatch(registry, deliverer);
  }

  /** The AWS side, initialised on first use by the Lambda constructor only (tests never touch it). */
  private static final class Cloud {
    // Created during init, so SnapStart snapshots them and warm invocations reuse their connections.
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    static final WebhookDispatch DISPATCH = deployed(DYNAMO, DispatcherSettings.fromEnv(System.getenv()),
        warning -> LOG.error("webhook registration unreadable", LogFields.of("detail", warning)));
  }
}
