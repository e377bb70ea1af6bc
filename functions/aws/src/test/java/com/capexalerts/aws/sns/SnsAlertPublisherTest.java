package com.capexalerts.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SnsAlertPublisherTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:capex-alerts";

  @Test
  void requestIsAJsonStructuredMessageWithFilterableAttributes() {
    Announcement a = Alerts.alibaba();
    PublishRequest r = SnsAlertPublisher.request(TOPIC, a);
    assertEquals(TOPIC, r.topicArn());
    assertEquals("json", r.messageStructure());
    assertEquals(AlertMessages.subject(a), r.subject());
    assertEquals(AlertMessages.structured(a), r.message());
    Map<String, MessageAttributeValue> attrs = r.messageAttributes();
    assertEquals(List.of("company", "amount_usd", "amount_usd_billions", "currency", "kind"), List.copyOf(attrs.keySet()));
    assertEquals(attribute("String", "Alibaba"), attrs.get("company"));
    assertEquals(attribute("Number", "52400000000"), attrs.get("amount_usd"));
    assertEquals(attribute("Number", "52.4"), attrs.get("amount_usd_billions"));
    assertEquals(attribute("String", "CNY"), attrs.get("currency"));
    assertEquals(attribute("String", "announcement"), attrs.get("kind"));
  }

  @Test
  void numberAttributesAreWrittenInPlainDigits() {
    Announcement small = Alerts.event("Naver", "1000000000000", "KRW", "1 trillion won", "687654321.987654", "x");
    Map<String, MessageAttributeValue> attrs = SnsAlertPublisher.request(TOPIC, small).messageAttributes();
    assertEquals("687654322", attrs.get("amount_usd").stringValue());
    assertEquals("0.68765", attrs.get("amount_usd_billions").stringValue());
  }

  @Test
  void badTopicArnIsRejectedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SnsAlertPublisher.request("capex-alerts", Alerts.alibaba()));
    assertTrue(e.getMessage().contains("\"capex-alerts\""), e.getMessage());
  }

  @Test
  void publishesToARealTopicAndTheQueueGetsItsRendering() throws Exception {
    LocalAws aws = MotoServer.get();
    try (SnsClient sns = aws.sns(); SqsClient sqs = aws.sqs()) {
      String topic = sns.createTopic(b -> b.name("publisher-" + UUID.randomUUID())).topicArn();
      String queueUrl = sqs.createQueue(b -> b.queueName("publisher-" + UUID.randomUUID())).queueUrl();
      String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
          .attributes(Map.of("RawMessageDelivery", "true")));

      String id = new SnsAlertPublisher(sns, topic).publish(Alerts.alibaba());

      assertTrue(!id.isBlank());
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .messageAttributeNames("All")).messages();
      assertEquals(1, got.size());
      JsonNode doc = new ObjectMapper().readTree(got.getFirst().body());
      assertEquals("capex-alert/1", doc.get("schema").asText());
      assertEquals("Alibaba", doc.get("company").asText());
      assertEquals("Alibaba", got.getFirst().messageAttributes().get("company").stringValue());
      assertEquals("52.4", got.getFirst().messageAttributes().get("amount_usd_billions").stringValue());
    }
  }

  private static MessageAttributeValue attribute(String type, String value) {
    return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
  }

  @Test
  void aFifoTopicDropsASecondPublishOfTheSameEvent() {
    LocalAws aws = MotoServer.get();
    try (SnsClient sns = aws.sns(); SqsClient sqs = aws.sqs()) {
      String name = "publisher-" + UUID.randomUUID();
      String topic = sns.createTopic(b -> b.name(name + ".fifo")
          .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false"))).topicArn();
      String queueUrl = sqs.createQueue(b -> b.queueName(name + ".fifo")
          .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
      String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
          .attributes(Map.of("RawMessageDelivery", "true")));
      SnsAlertPublisher publisher = new SnsAlertPublisher(sns, topic);

      publisher.publish(Alerts.alibaba());
      publisher.publish(Alerts.alibaba()); // a notifier that took over a crashed one's claim

      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      assertEquals(1, got.size(), "the second publish is a duplicate to SNS");
      assertEquals(Alerts.alibaba().key().value(),
          SnsAlertPublisher.request(topic, Alerts.alibaba()).messageDeduplicationId());
    }
  }
}
