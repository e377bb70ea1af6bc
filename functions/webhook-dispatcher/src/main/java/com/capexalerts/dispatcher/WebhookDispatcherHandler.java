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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    // The messages of a batch go out at the same time: each takes at most the retry budget plus one attempt, and so
    // does the batch, whatever its size.
    List<Future<Boolean>> retries = new ArrayList<>(messages.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (SQSMessage message : messages) {
        retries.add(executor.submit(() -> mustRetry(message, log)));
      }
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Future<Boolean> retry = retries.get(i);
      String id = messages.get(i).getMessageId();
      if (retry.state() != Future.State.SUCCESS) {
        write(log, "message_id=%s failed unexpectedly, to be retried: %s".formatted(id, retry.exceptionNow()),
            LogLevel.ERROR);
      }
      if (retry.state() != Future.State.SUCCESS || retry.resultNow()) {
        failures.add(new SQSBatchResponse.BatchItemFailure(id));
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
      write(log, "message_id=%s dropped, not retried: %s; body starts: %s".formatted(id, e.getMessage(),
          snippet(message.getBody())), LogLevel.ERROR);
      return false;
    } catch (RuntimeException e) {
      // Loading the webhooks failed (DynamoDB unavailable, throttled beyond the SDK's retries): try the alert again.
      write(log, "message_id=%s dispatch failed, to be retried: %s".formatted(id, e), LogLevel.WARN);
      return true;
    }
    String event = report.alert().key().value();
    if (report.results().isEmpty()) {
      write(log, "message_id=%s event_key=%s no enabled webhook wants it".formatted(id, event), LogLevel.INFO);
    }
    for (DeliveryResult r : report.results()) {
      boolean routine = r.outcome() == DeliveryResult.Outcome.DELIVERED
          || r.outcome() == DeliveryResult.Outcome.ALREADY_DELIVERED;
      write(log, ("message_id=%s event_key=%s webhook=%s outcome=%s statuses=%s elapsed_ms=%d failures_in_a_row=%d"
          + " disabled_now=%b detail=%s").formatted(id, event, r.webhookId(), r.outcome(), statuses(r),
          r.elapsed().toMillis(), r.consecutiveFailures(), r.disable(), r.detail()),
          routine ? LogLevel.INFO : LogLevel.WARN);
    }
    for (String problem : report.problems()) {
      write(log, "message_id=%s event_key=%s %s".formatted(id, event, problem), LogLevel.WARN);
    }
    return report.retry();
  }

  /** One line at a time: the messages of a batch log from their own threads. */
  private synchronized void write(LambdaLogger log, String line, LogLevel level) {
    log.log(line, level);
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

  /** The AWS side, initialised on first use by the Lambda constructor only (tests never touch it). */
  private static final class Cloud {
    // Created during init, so SnapStart snapshots them and warm invocations reuse their connections.
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    static final WebhookDispatch DISPATCH = dispatch(DispatcherSettings.fromEnv(System.getenv()));

    static WebhookDispatch dispatch(DispatcherSettings settings) {
      LambdaLogger logger = LambdaRuntime.getLogger();
      DynamoWebhookRegistry registry = new DynamoWebhookRegistry(DYNAMO, settings.tables().webhooks(),
          warning -> logger.log(warning, LogLevel.ERROR));
      DynamoDeliveryLog log = new DynamoDeliveryLog(DYNAMO, settings.tables().deliveries(), Clock.systemUTC(),
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
  }
}
