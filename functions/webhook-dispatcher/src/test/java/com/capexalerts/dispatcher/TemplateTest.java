package com.capexalerts.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.aws.dynamo.DynamoDeliveryLog;
import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.aws.dynamo.WebhookTables;
import com.capexalerts.testsupport.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's dispatcher resources agree with the code: handler, build folder, variables, table keys, and the
 * timing rules (cfn-lint itself runs in the notifier module's TemplateLintTest).
 */
class TemplateTest {
  private static String template() {
    try {
      return Files.readString(RepoRoot.find().resolve("template.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of one resource under Resources (indented two spaces), up to the next resource or section. */
  static String resource(String logicalId) {
    Matcher m = Pattern.compile("(?m)^  " + logicalId + ":\\n((?:(?:    .*)?\\n)+)").matcher(template());
    assertTrue(m.find(), "no resource " + logicalId + " in template.yaml");
    return m.group(1);
  }

  private static String value(String block, String key) {
    Matcher m = Pattern.compile("(?m)^\\s+" + key + ": (.+)$").matcher(block);
    assertTrue(m.find(), "no " + key + " in\n" + block);
    return m.group(1).strip();
  }

  static Duration functionTimeout() {
    return Duration.ofSeconds(Long.parseLong(value(resource("WebhookDispatcherFunction"), "Timeout")));
  }

  static int batchSize() {
    return Integer.parseInt(value(resource("WebhookDispatcherFunction"), "BatchSize"));
  }

  static Duration visibilityTimeout() {
    return Duration.ofSeconds(Long.parseLong(value(resource("WebhookDispatchQueue"), "VisibilityTimeout")));
  }

  @Test
  void theFunctionIsTheHandlerBuiltFromThisModule() throws Exception {
    String function = resource("WebhookDispatcherFunction");
    Class<?> handler = Class.forName(value(function, "Handler").replace("::handleRequest", ""));

    assertEquals(WebhookDispatcherHandler.class, handler);
    assertEquals("functions/webhook-dispatcher", value(function, "CodeUri"));
    assertTrue(Files.readString(RepoRoot.find().resolve("functions/webhook-dispatcher/Makefile"))
        .contains("build-WebhookDispatcherFunction:"));
    assertEquals("!Ref WebhooksTable", value(function, WebhookTables.WEBHOOKS_VAR));
    assertEquals("!Ref DeliveriesTable", value(function, WebhookTables.DELIVERIES_VAR));
    assertTrue(function.contains("- ReportBatchItemFailures"), function);
    assertTrue(batchSize() <= 10, "small batches");
  }

  @Test
  void theQueueOutlastsSixFunctionTimeoutsAndEndsInTheDeadLetterQueue() {
    assertTrue(visibilityTimeout().compareTo(functionTimeout().multipliedBy(6)) >= 0,
        "visibility " + visibilityTimeout() + " vs timeout " + functionTimeout());
    String queue = resource("WebhookDispatchQueue");
    assertEquals("!GetAtt WebhookDispatchDeadLetterQueue.Arn", value(queue, "deadLetterTargetArn"));
    assertEquals("true", value(queue, "SqsManagedSseEnabled"));
    String subscription = resource("WebhookDispatchSubscription");
    assertEquals("sqs", value(subscription, "Protocol"));
    assertEquals("true", value(subscription, "RawMessageDelivery"));
    String policy = resource("WebhookDispatchQueuePolicy");
    assertEquals("!Ref AlertTopic", value(policy, "aws:SourceArn"));
    assertEquals("sqs:SendMessage", value(policy, "Action"));
  }

  @Test
  void theTablesHaveTheKeysAndTtlTheStoresUse() {
    String webhooks = resource("WebhooksTable");
    assertEquals(List.of(DynamoWebhookRegistry.WEBHOOK_ID), attributeNames(webhooks));
    String deliveries = resource("DeliveriesTable");
    assertEquals(List.of(DynamoDeliveryLog.WEBHOOK_ID, DynamoDeliveryLog.SK), attributeNames(deliveries));
    Matcher ttl = Pattern.compile("TimeToLiveSpecification:\\s+AttributeName: (\\w+)\\s+Enabled: true")
        .matcher(deliveries);
    assertTrue(ttl.find(), deliveries);
    assertEquals(DynamoDeliveryLog.EXPIRES_AT, ttl.group(1));
    for (String table : List.of(webhooks, deliveries)) {
      assertEquals("PAY_PER_REQUEST", value(table, "BillingMode"));
      assertEquals("true", value(table, "PointInTimeRecoveryEnabled"));
      assertEquals("true", value(table, "SSEEnabled"));
    }
  }

  private static List<String> attributeNames(String table) {
    return Pattern.compile("- AttributeName: (\\w+)\\n\\s+KeyType").matcher(table).results()
        .map(r -> r.group(1)).toList();
  }
}
