package com.capexalerts.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.subscription.Subscription;
import com.capexalerts.core.subscription.SubscriptionProtocol;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Subscriptions on a real (moto) topic, and their filter policies applied by SNS to real publishes. */
class SnsSubscriptionsTest {
  static SnsClient sns;
  static SqsClient sqs;

  @BeforeAll
  static void clients() {
    LocalAws aws = MotoServer.get();
    sns = aws.sns();
    sqs = aws.sqs();
  }

  @AfterAll
  static void close() {
    sns.close();
    sqs.close();
  }

  /** Moto checks neither that the queue exists nor that SNS may send to it; the ARN is the mark. */
  static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:subscriptions-dlq";

  static String topic() {
    return sns.createTopic(b -> b.name("subs-" + UUID.randomUUID())).topicArn();
  }

  static final Announcement ALIBABA = Alerts.alibaba(); // 52.4 billion, CNY
  static final Announcement MICROSOFT = Alerts.event("Microsoft", "80000000000", "USD", "$80 billion",
      "80000000000", "Microsoft plans to spend $80 billion on AI data centres.");
  static final Announcement NAVER = Alerts.event("Naver", "1000000000000", "KRW", "1 trillion won", "687654321",
      "Naver will invest 1 trillion won in AI.");
  static final Announcement META_RAISE;

  static {
    Announcement m = Alerts.event("Meta", "65000000000", "USD", "$65 billion", "65000000000",
        "Meta raised its AI spending to $65 billion.");
    META_RAISE = new Announcement(m.key(), m.company(), AnnouncementKind.UPDATE, m.amount(), m.amountUsd(),
        m.period(), m.evidence(), m.title(), m.link(), m.published(), m.detectedAt(), m.sources(), null);
  }

  @Test
  void anEmailSubscriptionCarriesTheFilterPolicyOfItsFilter() {
    String topic = topic();
    SnsSubscriptions subscriptions = new SnsSubscriptions(sns, topic, DLQ);
    WebhookFilter filter = new WebhookFilter(new BigDecimal("50000000000"), Set.of("Alibaba"),
        Set.of(AnnouncementKind.ANNOUNCEMENT));

    Subscription s = subscriptions.subscribe(SubscriptionProtocol.EMAIL, "ops@example.com", filter);

    assertNotNull(s.id());
    assertTrue(s.id().matches("[A-Za-z0-9-]+"), s.id());
    String arn = topic + ":" + s.id();
    Map<String, String> attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
    assertEquals(SnsFilterPolicy.of(filter).orElseThrow(), attributes.get("FilterPolicy"));
    assertEquals("MessageAttributes", attributes.get("FilterPolicyScope"));
    assertEquals("email", attributes.get("Protocol"));
    assertEquals(SnsFilterPolicy.of(filter).orElseThrow(), s.filterPolicy());

    List<Subscription> listed = subscriptions.list();
    assertEquals(1, listed.size());
    assertEquals(s.id(), listed.getFirst().id());
    assertEquals("ops@example.com", listed.getFirst().endpoint());
    assertEquals(s.filterPolicy(), listed.getFirst().filterPolicy());
  }

  @Test
  void everySubscriptionItMakesHasItsDeadLetterQueue() {
    String topic = topic();
    Subscription s = new SnsSubscriptions(sns, topic, DLQ)
        .subscribe(SubscriptionProtocol.SMS, "+4915112345670", WebhookFilter.all());
    Map<String, String> attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(topic + ":" + s.id()))
        .attributes();
    assertEquals("{\"deadLetterTargetArn\":\"" + DLQ + "\"}", attributes.get("RedrivePolicy"));
  }

  @Test
  void subscriptionsItDidNotMakeAreNeitherListedNorRemoved() {
    String topic = topic();
    SnsSubscriptions subscriptions = new SnsSubscriptions(sns, topic, DLQ);
    // The stack's own: the dispatch queue, a CloudFormation e-mail subscription (another dead-letter queue), one
    // made by hand without any redrive policy, and an HTTPS one.
    String queueUrl = sqs.createQueue(b -> b.queueName("own-" + UUID.randomUUID())).queueUrl();
    String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    List<String> foreign = new ArrayList<>();
    foreign.add(sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
        .attributes(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + DLQ + "\"}"))
        .returnSubscriptionArn(true)).subscriptionArn());
    foreign.add(sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("stack@example.com")
        .attributes(Map.of("RedrivePolicy",
            "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:topic-delivery-dlq\"}"))
        .returnSubscriptionArn(true)).subscriptionArn());
    foreign.add(sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("+4915112345671")
        .returnSubscriptionArn(true)).subscriptionArn());
    Subscription mine = subscriptions.subscribe(SubscriptionProtocol.EMAIL, "me@example.com", WebhookFilter.all());

    assertEquals(List.of(mine.id()), subscriptions.list().stream().map(Subscription::id).toList());
    for (String arn : foreign) {
      assertFalse(subscriptions.unsubscribe(SnsSubscriptions.idOf(arn)), arn);
    }
    assertEquals(4, sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().size(),
        "nothing foreign was removed");
    assertTrue(subscriptions.unsubscribe(mine.id()));
    assertEquals(3, sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().size());
  }

  @Test
  void aDeadLetterQueueIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> new SnsSubscriptions(sns, topic(), null));
    assertThrows(IllegalArgumentException.class, () -> new SnsSubscriptions(sns, topic(), "my-queue"));
  }

  @Test
  void anSmsSubscriptionWithoutFilterGetsEveryAlert() {
    SnsSubscriptions subscriptions = new SnsSubscriptions(sns, topic(), DLQ);
    Subscription s = subscriptions.subscribe(SubscriptionProtocol.SMS, "+4915112345678", WebhookFilter.all());
    assertEquals("sms", s.protocol());
    assertNull(s.filterPolicy());
    assertFalse(s.pendingConfirmation());
  }

  @Test
  void invalidEndpointsNeverReachSns() {
    String topic = topic();
    SnsSubscriptions subscriptions = new SnsSubscriptions(sns, topic, DLQ);
    assertThrows(IllegalArgumentException.class,
        () -> subscriptions.subscribe(SubscriptionProtocol.SMS, "12345", WebhookFilter.all()));
    assertThrows(IllegalArgumentException.class,
        () -> subscriptions.subscribe(SubscriptionProtocol.EMAIL, "not-an-address", WebhookFilter.all()));
    assertEquals(List.of(), subscriptions.list());
  }

  @Test
  void unsubscribeRemovesOnlySubscriptionsOfItsOwnTopic() {
    String ours = topic();
    String theirs = topic();
    SnsSubscriptions subscriptions = new SnsSubscriptions(sns, ours, DLQ);
    Subscription mine = subscriptions.subscribe(SubscriptionProtocol.EMAIL, "a@example.com", WebhookFilter.all());
    Subscription other = new SnsSubscriptions(sns, theirs, DLQ)
        .subscribe(SubscriptionProtocol.EMAIL, "b@example.com", WebhookFilter.all());

    assertFalse(subscriptions.unsubscribe(other.id()), "another topic's subscription");
    assertFalse(subscriptions.unsubscribe("../../x"), "not an id");
    assertFalse(subscriptions.unsubscribe(UUID.randomUUID().toString()), "no such subscription");
    assertEquals(1, new SnsSubscriptions(sns, theirs, DLQ).list().size(), "the other topic keeps its subscription");

    assertTrue(subscriptions.unsubscribe(mine.id()));
    assertFalse(subscriptions.unsubscribe(mine.id()), "gone");
    assertEquals(List.of(), subscriptions.list());
  }

  @Test
  void snsDeliversWhatTheFilterPolicyLetsThrough() throws Exception {
    // SNS cannot deliver e-mail or SMS here; an SQS queue with the same policy shows what SNS lets through.
    String topic = topic();
    Map<String, WebhookFilter> filters = Map.of(
        "big", new WebhookFilter(new BigDecimal("60000000000"), Set.of(), Set.of()),
        "exact", new WebhookFilter(new BigDecimal("52400000000"), Set.of(), Set.of()),
        "companies", new WebhookFilter(null, Set.of("ALIBABA", "naver"), Set.of()),
        "raises", new WebhookFilter(null, Set.of(), Set.of(AnnouncementKind.UPDATE)),
        "combined", new WebhookFilter(new BigDecimal("50000000000"), Set.of("alibaba", "Meta", "Naver"),
            Set.of(AnnouncementKind.ANNOUNCEMENT)),
        "all", WebhookFilter.all());
    Map<String, String> queues = new java.util.HashMap<>();
    for (var e : filters.entrySet()) {
      String url = sqs.createQueue(b -> b.queueName("f-" + e.getKey() + "-" + UUID.randomUUID())).queueUrl();
      String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      Map<String, String> attributes = new java.util.HashMap<>(Map.of("RawMessageDelivery", "true"));
      SnsFilterPolicy.of(e.getValue()).ifPresent(p -> {
        attributes.put("FilterPolicyScope", "MessageAttributes");
        attributes.put("FilterPolicy", p);
      });
      sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(attributes));
      queues.put(e.getKey(), url);
    }

    SnsAlertPublisher publisher = new SnsAlertPublisher(sns, topic);
    for (Announcement a : List.of(ALIBABA, MICROSOFT, NAVER, META_RAISE)) {
      publisher.publish(a);
    }

    assertEquals(Set.of("Microsoft", "Meta"), companies(queues.get("big")));
    assertEquals(Set.of("Alibaba", "Microsoft", "Meta"), companies(queues.get("exact")));
    assertEquals(Set.of("Alibaba", "Naver"), companies(queues.get("companies")));
    assertEquals(Set.of("Meta"), companies(queues.get("raises")));
    assertEquals(Set.of("Alibaba"), companies(queues.get("combined")));
    assertEquals(Set.of("Alibaba", "Microsoft", "Naver", "Meta"), companies(queues.get("all")));
  }

  private static Set<String> companies(String queueUrl) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Message> got = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      if (batch.isEmpty()) {
        break;
      }
      got.addAll(batch);
    }
    Set<String> companies = new TreeSet<>();
    for (Message m : got) {
      companies.add(json.readTree(m.body()).get("company").asText());
    }
    assertEquals(got.size(), companies.size(), "each alert once");
    return companies;
  }
}
