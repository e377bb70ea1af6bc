package com.capexalerts.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.dynamo.WebhookTables;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.testsupport.CapturedStdout;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.WebhookReceiver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda's own wiring (DynamoDB stores on moto, the deployed endpoint policy) refuses what only local runs may
 * use. Both webhooks point at a receiver on 127.0.0.1: the policy must refuse them before any request, which the
 * receiver confirms by getting nothing. (Name resolution is never involved: the hosts are IP literals.)
 */
@Timeout(60)
class DeployedWiringTest {
  @Test
  void theDeployedPolicyRefusesPlainHttpAndLoopbackWithoutSendingAnything() throws Exception {
    DynamoDbClient dynamo = MotoServer.get().dynamo();
    WebhookTables tables = WebhookTables.withPrefix("w" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(dynamo, tables);
    List<String> warnings = new CopyOnWriteArrayList<>();
    DispatcherSettings settings = DispatcherSettings.fromEnv(Map.of(
        WebhookTables.WEBHOOKS_VAR, tables.webhooks(), WebhookTables.DELIVERIES_VAR, tables.deliveries()));
    DynamoWebhookRegistry registry = new DynamoWebhookRegistry(dynamo, tables.webhooks(), warnings::add);
    try (WebhookReceiver receiver = Receivers.start(); CapturedStdout logged = new CapturedStdout()) {
      URI plain = receiver.url("/plain");
      URI tls = URI.create("https://127.0.0.1:" + plain.getPort() + "/tls");
      registry.create(new Webhook("plain-http", plain, WebhookFormat.JSON, Receivers.SECRET, WebhookFilter.all(),
          true, 0));
      registry.create(new Webhook("loopback", tls, WebhookFormat.JSON, Receivers.SECRET, WebhookFilter.all(), true,
          0));
      LambdaTestContext context = new LambdaTestContext("webhook-dispatcher", 60_000);

      SQSBatchResponse response = new WebhookDispatcherHandler(
          WebhookDispatcherHandler.deployed(dynamo, settings, warnings::add))
          .handleRequest(EventLoader.loadSQSEvent(WebhookDispatcherHandlerTest.EVENT_FILE), context);

      assertEquals(List.of(), response.getBatchItemFailures(), "a forbidden URL is permanent: no redelivery");
      assertEquals(List.of(), receiver.posts(), "nothing was sent");
      List<com.fasterxml.jackson.databind.JsonNode> lines = logged.lines();
      assertEquals(2, lines.stream().filter(l -> l.path("webhook_id").asText().equals("plain-http")
          && l.path("status").asText().equals("FAILED_PERMANENTLY")
          && l.path("detail").asText().contains("scheme 'http' is not allowed (https only)")).count(), lines.toString());
      assertEquals(2, lines.stream().filter(l -> l.path("webhook_id").asText().equals("loopback")
          && l.path("status").asText().equals("FAILED_PERMANENTLY")
          && l.path("detail").asText().contains("resolves to 127.0.0.1, which is loopback")).count(), lines.toString());
      assertEquals(2, registry.get("loopback").orElseThrow().consecutiveFailures());
      assertEquals(List.of(), warnings);
    } finally {
      dynamo.close();
    }
  }
}
