package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.aws.sns.SnsSubscriptions;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** /subscriptions on a real (moto) SNS topic. */
class SubscriptionsApiTest {
  static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:api-subscriptions-dlq";
  SnsClient sns;
  SqsClient sqs;
  String topic;
  ApiHandler handler;
  final LambdaTestContext context = new LambdaTestContext("api-test", 30_000);

  @BeforeEach
  void topic() {
    LocalAws aws = MotoServer.get();
    sns = aws.sns();
    sqs = aws.sqs();
    topic = sns.createTopic(b -> b.name("api-subs-" + UUID.randomUUID())).topicArn();
    handler = ApiHandler.builder(MotoHistory.with(List.of())).subscriptions(new SnsSubscriptions(sns, topic, DLQ)).build();
  }

  @AfterEach
  void close() {
    handler.close();
    sns.close();
    sqs.close();
  }

  APIGatewayV2HTTPResponse call(String method, String path, String body) {
    return handler.handleRequest(Requests.managed(method, path, body), context);
  }

  @Test
  void anEmailSubscriptionIsCreatedListedMaskedAndDeleted() throws Exception {
    APIGatewayV2HTTPResponse created = call("POST", "/subscriptions", """
        {"protocol":"email","endpoint":"ops@example.com","min_usd":50000000000,
         "companies":["Alibaba","Meta"],"kinds":["announcement"]}""");

    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode body = Requests.body(created);
    String id = body.get("id").asText();
    assertEquals("/subscriptions/" + id, created.getHeaders().get("location"));
    assertEquals("email", body.get("protocol").asText());
    String expectedPolicy = "{\"amount_usd_billions\":[{\"numeric\":[\">=\",50]}],"
        + "\"company\":[{\"equals-ignore-case\":\"alibaba\"},{\"equals-ignore-case\":\"meta\"}],"
        + "\"kind\":[\"announcement\"]}";
    assertEquals(expectedPolicy, body.get("filter_policy").toString());
    Map<String, String> attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(topic + ":" + id))
        .attributes();
    assertEquals(expectedPolicy, attributes.get("FilterPolicy"));
    assertEquals("MessageAttributes", attributes.get("FilterPolicyScope"));

    APIGatewayV2HTTPResponse sms = call("POST", "/subscriptions",
        "{\"protocol\":\"sms\",\"endpoint\":\"+4915112345678\"}");
    assertEquals(201, sms.getStatusCode(), sms.getBody());
    assertTrue(Requests.body(sms).get("filter_policy").isNull());

    JsonNode list = Requests.body(call("GET", "/subscriptions", null));
    assertEquals(2, list.get("items").size());
    Map<String, JsonNode> byProtocol = new java.util.HashMap<>();
    list.get("items").forEach(i -> byProtocol.put(i.get("protocol").asText(), i));
    assertEquals("o***@example.com", byProtocol.get("email").get("endpoint").asText());
    assertEquals("+49*******5678", byProtocol.get("sms").get("endpoint").asText());
    assertEquals(expectedPolicy, byProtocol.get("email").get("filter_policy").toString());
    assertTrue(!list.toString().contains("ops@example.com") && !list.toString().contains("+4915112345678"));

    assertEquals(204, call("DELETE", "/subscriptions/" + id, null).getStatusCode());
    assertEquals(404, call("DELETE", "/subscriptions/" + id, null).getStatusCode());
    assertEquals(1, Requests.body(call("GET", "/subscriptions", null)).get("items").size());
  }

  @Test
  void badSubscriptionsAre400AndNothingIsSubscribed() throws Exception {
    Map<String, String[]> cases = Map.of(
        "{\"protocol\":\"https\",\"endpoint\":\"https://example.com\"}", new String[] {"protocol", "email or sms"},
        "{\"endpoint\":\"ops@example.com\"}", new String[] {"protocol", "is required"},
        "{\"protocol\":\"email\",\"endpoint\":\"ops@example\"}", new String[] {"endpoint", "not an e-mail address"},
        "{\"protocol\":\"sms\",\"endpoint\":\"0151 1234567\"}", new String[] {"endpoint", "E.164"},
        "{\"protocol\":\"sms\",\"endpoint\":\"+4915112345678\",\"kinds\":[\"all\"]}",
        new String[] {"kinds[0]", "unknown kind"},
        "{\"protocol\":\"email\",\"endpoint\":\"ops@example.com\",\"topic\":\"x\"}",
        new String[] {"topic", "unknown field"});
    for (var c : cases.entrySet()) {
      APIGatewayV2HTTPResponse r = call("POST", "/subscriptions", c.getKey());
      assertEquals(400, r.getStatusCode(), c.getKey() + " -> " + r.getBody());
      JsonNode error = Requests.body(r).get("error");
      assertEquals(c.getValue()[0], error.get("field").asText(), r.getBody());
      assertTrue(error.get("reason").asText().contains(c.getValue()[1]), r.getBody());
    }
    assertEquals(0, sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions().size());
  }

  @Test
  void aSubscriptionOfAnotherTopicCannotBeDeleted() throws Exception {
    String other = sns.createTopic(b -> b.name("other-" + UUID.randomUUID())).topicArn();
    String arn = sns.subscribe(r -> r.topicArn(other).protocol("email").endpoint("x@example.com")
        .returnSubscriptionArn(true)).subscriptionArn();
    String id = arn.substring(arn.lastIndexOf(':') + 1);
    assertEquals(404, call("DELETE", "/subscriptions/" + id, null).getStatusCode());
    assertEquals(1, sns.listSubscriptionsByTopic(r -> r.topicArn(other)).subscriptions().size());
  }

  @Test
  void theStacksOwnSubscriptionsAreNotTheApis() throws Exception {
    String queueUrl = sqs.createQueue(b -> b.queueName("dispatch-" + UUID.randomUUID())).queueUrl();
    String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String dispatch = sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn)
        .returnSubscriptionArn(true)).subscriptionArn();
    String stackEmail = sns.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("stack@example.com")
        .returnSubscriptionArn(true)).subscriptionArn();
    call("POST", "/subscriptions", "{\"protocol\":\"email\",\"endpoint\":\"api@example.com\"}");

    JsonNode listed = Requests.body(call("GET", "/subscriptions", null)).get("items");
    assertEquals(1, listed.size(), listed.toString());
    assertEquals("email", listed.get(0).get("protocol").asText());
    for (String arn : List.of(dispatch, stackEmail)) {
      APIGatewayV2HTTPResponse r = call("DELETE", "/subscriptions/" + arn.substring(arn.lastIndexOf(':') + 1), null);
      assertEquals(404, r.getStatusCode());
      assertTrue(r.getHeaders().get("content-type").startsWith("application/json"), r.getHeaders().toString());
    }
    assertEquals(3, sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions().size());
  }

  @Test
  void thePolicyTheApiSetsIsWhatSnsFiltersWith() throws Exception {
    // SNS cannot deliver e-mail here: an SQS queue subscribed with the API-made subscription's exact policy shows
    // which alerts that subscription gets.
    String id = Requests.body(call("POST", "/subscriptions", """
        {"protocol":"email","endpoint":"raises@example.com","min_usd":60000000000,"kinds":["update"]}"""))
        .get("id").asText();
    String policy = sns.getSubscriptionAttributes(r -> r.subscriptionArn(topic + ":" + id)).attributes()
        .get("FilterPolicy");
    String queue = sqs.createQueue(b -> b.queueName("stand-in-" + UUID.randomUUID())).queueUrl();
    String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(Map.of(
        "RawMessageDelivery", "true", "FilterPolicyScope", "MessageAttributes", "FilterPolicy", policy)));

    SnsAlertPublisher publisher = new SnsAlertPublisher(sns, topic);
    publisher.publish(alert("Meta", "65000000000", AnnouncementKind.UPDATE));       // yes
    publisher.publish(alert("Microsoft", "80000000000", AnnouncementKind.ANNOUNCEMENT)); // not a raise
    publisher.publish(alert("Alibaba", "52400000000", AnnouncementKind.UPDATE));    // too small
    publisher.publish(alert("Amazon", "100000000000", AnnouncementKind.UPDATE));    // yes

    Set<String> got = new TreeSet<>();
    for (int k = 0; k < 5; k++) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
      if (batch.isEmpty()) {
        break;
      }
      for (Message m : batch) {
        got.add(Requests.JSON.readTree(m.body()).get("company").asText());
      }
    }
    assertEquals(Set.of("Amazon", "Meta"), got);
  }

  static Announcement alert(String company, String usd, AnnouncementKind kind) {
    Instant at = Instant.parse("2025-02-24T08:15:00Z");
    String link = "https://news.example.com/" + company;
    return new Announcement(new EventKey(company.toLowerCase() + "-x"), company, kind,
        new MoneyAmount(new BigDecimal(usd), "USD", "$" + usd), new BigDecimal(usd), null,
        company + " invests.", company + " invests", link, at, at,
        List.of(new Source(link, "Wire", company, at)), kind == AnnouncementKind.UPDATE ? new EventKey("earlier") : null);
  }
}
