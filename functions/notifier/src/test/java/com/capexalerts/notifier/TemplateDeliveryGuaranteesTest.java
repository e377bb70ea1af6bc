package com.capexalerts.notifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.testsupport.RepoRoot;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing is dropped without a trace: every SNS subscription of the template has a dead-letter queue, every
 * dead-letter queue an alarm, and every queue and topic refuses requests without TLS.
 */
class TemplateDeliveryGuaranteesTest {
  private static final Map<String, String> RESOURCES = resources();

  private static Map<String, String> resources() {
    try {
      String yaml = Files.readString(RepoRoot.find().resolve("template.yaml"));
      String section = yaml.substring(yaml.indexOf("\nResources:\n"), yaml.indexOf("\nOutputs:\n"));
      Map<String, String> found = new LinkedHashMap<>();
      Matcher m = Pattern.compile("(?m)^  ([A-Za-z0-9]+):\\n((?:(?:    .*)?\\n)+)").matcher(section);
      while (m.find()) {
        found.put(m.group(1), m.group(2));
      }
      return found;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> ofType(String type) {
    return RESOURCES.entrySet().stream().filter(e -> e.getValue().contains("    Type: " + type + "\n"))
        .map(Map.Entry::getKey).toList();
  }

  @Test
  void everySubscriptionHasADeadLetterQueue() {
    List<String> subscriptions = ofType("AWS::SNS::Subscription");
    assertTrue(subscriptions.size() >= 5, subscriptions.toString());
    for (String s : subscriptions) {
      Matcher target = Pattern.compile("RedrivePolicy:\\n\\s+deadLetterTargetArn: !GetAtt (\\w+)\\.Arn")
          .matcher(RESOURCES.get(s));
      assertTrue(target.find(), s + " has no RedrivePolicy");
      assertTrue(ofType("AWS::SQS::Queue").contains(target.group(1)), s + ": " + target.group(1));
    }
  }

  @Test
  void everyDeadLetterQueueHasAnAlarmToTheAlarmTopic() {
    List<String> deadLetterQueues = ofType("AWS::SQS::Queue").stream().filter(q -> q.contains("DeadLetter"))
        .toList();
    assertTrue(deadLetterQueues.size() >= 5, deadLetterQueues.toString());
    List<String> alarms = ofType("AWS::CloudWatch::Alarm");
    for (String q : deadLetterQueues) {
      assertTrue(alarms.stream().map(RESOURCES::get).anyMatch(a -> a.contains("Value: !GetAtt " + q + ".QueueName")
          && a.contains("ApproximateNumberOfMessagesVisible") && a.contains("- !Ref AlarmTopic")), q);
    }
  }

  @Test
  void everyQueueAndTopicRefusesPlainHttp() {
    List<String> policies = ofType("AWS::SQS::QueuePolicy");
    for (String q : ofType("AWS::SQS::Queue")) {
      assertTrue(policies.stream().map(RESOURCES::get).anyMatch(p -> p.contains("- !Ref " + q + "\n")
          && tlsOnly(p, "sqs:*", "!GetAtt " + q + ".Arn")), q);
    }
    List<String> topicPolicies = ofType("AWS::SNS::TopicPolicy");
    List<String> topics = ofType("AWS::SNS::Topic");
    assertFalse(topics.isEmpty());
    for (String t : topics) {
      assertTrue(topicPolicies.stream().map(RESOURCES::get).anyMatch(p -> p.contains("- !Ref " + t + "\n")
          && tlsOnly(p, "sns:*", "!Ref " + t)), t);
    }
  }

  private static boolean tlsOnly(String policy, String action, String resource) {
    return Pattern.compile("Effect: Deny\\n\\s+Principal: \"\\*\"\\n\\s+Action: " + Pattern.quote(action)
        + "\\n\\s+Resource: " + Pattern.quote(resource) + "\\n\\s+Condition:\\n\\s+Bool:\\n\\s+aws:SecureTransport: \"false\"")
        .matcher(policy).find();
  }
}
