package com.capexalerts.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.capexalerts.aws.dynamo.DynamoDeliveryLog;
import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.core.alert.MalformedAlertException;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookDispatch;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

  private final WebhookDispatch dispatch;

  /** Used by Lambda: everything from the environment, created once per execution environment. */
  public WebhookDispatcherHandler() {
    this(Cloud.DISPATCH);
  }

  /** For tests: any registry, delivery log and endpoint policy, wired into a dispatch. */
  public WebhookDispatcherHandler(WebhookDispatch dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LambdaLogger log = context.getLogger();
    List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    // One message after the other (each one's webhooks at the same time): a webhook's failure count is read, then
    // written back, so two alerts to one failing webhook in one batch must not overlap. template.yaml sizes the
    // timeout for a full batch.
    for (SQSMessage message : messages) {
      boolean retry;
      try {
        retry = mustRetry(message, log);
      } catch (RuntimeException e) {
        log.log("message_id=%s failed unexpectedly, to be retried: %s".formatted(message.getMessageId(), e),
            LogLevel.ERROR);
        retry = true;
      }
      if (retry) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** Dispatches one message; true when it must come again. */
  private boolean mustRetry(SQSMessage message, LambdaLogger log) {
    String id = message.getMessageId();
    WebhookDispatch.Report report;
    try {
      report = dispatch.dispatch(message.getBody());
    } catch (MalformedAlertException e) {
      log.log("message_id=%s dropped, not retried: %s; body starts: %s".formatted(id, e.getMessage(),
          snippet(message.getBody())), LogLevel.ERROR);
      return false;
    } catch (RuntimeException e) {
      // Loading the webhooks failed (DynamoDB unavailable, throttled beyond the SDK's retries): try the alert again.
      log.log("message_id=%s dispatch failed, to be retried: %s".formatted(id, e), LogLevel.WARN);
      return true;
    }
    String event = report.alert().key().value();
    if (report.results().isEmpty()) {
      log.log("message_id=%s event_key=%s no enabled webhook wants it".formatted(id, event), LogLevel.INFO);
    }
    for (DeliveryResult r : report.results()) {
      boolean routine = r.outcome() == DeliveryResult.Outcome.DELIVERED
          || r.outcome() == DeliveryResult.Outcome.ALREADY_DELIVERED;
      log.log(("message_id=%s event_key=%s webhook=%s outcome=%s statuses=%s elapsed_ms=%d failures_in_a_row=%d"
          + " disabled_now=%b detail=%s").formatted(id, event, r.webhookId(), r.outcome(), statuses(r),
          r.elapsed().toMillis(), r.consecutiveFailures(), r.disable(), r.detail()),
          routine ? LogLevel.INFO : LogLevel.WARN);
    }
    for (String problem : report.problems()) {
      log.log("message_id=%s event_key=%s %s".formatted(id, event, problem), LogLevel.WARN);
    }
    return report.retry();
  }

  /** "[503, 503, 0]": the status of each attempt, 0 for no response. */
  private static String statuses(DeliveryResult r) {
    return r.attempts().stream().map(DeliveryAttempt::statusCode).map(String::valueOf)
        .collect(Collectors.joining(", ", "[", "]"));
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
        warning -> LambdaRuntime.getLogger().log(warning, LogLevel.ERROR));
  }
}
