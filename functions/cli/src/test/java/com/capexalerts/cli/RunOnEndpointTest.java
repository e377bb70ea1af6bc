package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** `run --endpoint URL --create`: the same poll on moto server's DynamoDB and SNS instead of the embedded state. */
class RunOnEndpointTest {
  private static final String SAMPLES = Path.of("../../events/sample-feeds").toString();

  @Test
  void pollsIntoTheEndpointsTablesAndPublishesToItsTopicOnce() throws Exception {
    LocalAws aws = MotoServer.get();
    String prefix = "cli" + UUID.randomUUID().toString().substring(0, 8);
    SnsClient sns = aws.sns();
    SqsClient sqs = aws.sqs();
    String topic = sns.createTopic(b -> b.name(prefix + "-alerts")).topicArn();
    String queue = sqs.createQueue(b -> b.queueName(prefix + "-q")).queueUrl();
    String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
        .attributes(Map.of("RawMessageDelivery", "true")));
    String[] args = {"run", "--endpoint", aws.endpoint().toString(), "--create", "--table-prefix", prefix,
        "--topic-arn", topic, "--feed", SAMPLES, "--max-age", "none"};

    Cli.Result first = Cli.run(args);
    assertEquals(0, first.exit(), first.err());
    assertEquals(3, first.out().lines().count(), first.out());
    assertTrue(first.err().contains(prefix + "-announcements"), first.err());

    Cli.Result second = Cli.run(args);
    assertEquals(0, second.exit(), second.err());
    assertEquals("", second.out(), "the tables remember: nothing new");

    List<String> companies = new ArrayList<>();
    while (true) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (batch.isEmpty()) {
        break;
      }
      for (Message m : batch) {
        JsonNode alert = Json.MAPPER.readTree(m.body());
        companies.add(alert.get("company").asText());
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    assertEquals(List.of("Alibaba", "Meta", "Microsoft"), companies.stream().sorted().toList(),
        "one SNS message per event on the endpoint's topic");
  }
}
