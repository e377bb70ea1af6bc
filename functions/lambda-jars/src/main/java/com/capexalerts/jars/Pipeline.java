package com.capexalerts.jars;

import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.dynamo.WebhookTables;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.testsupport.FixtureServer;
import com.capexalerts.testsupport.LocalAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The stack's functions run from their jars, one after the other, on fresh resources in moto server, each step fed
 * with what the previous ones left (as Lambda's event sources would): poller → notifier (the new event's stream
 * record) → API (the history) → webhook dispatcher (the sample queue message), and scheduler → worker (the work
 * message) → decision recorder (the decision messages). The sample feeds are served on 127.0.0.1.
 */
public final class Pipeline implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String WEBHOOK_ID = "loopback-hook";

  private final Path repo;
  private final Path jars;
  private final String version;
  private final Path work;
  private final LocalAws aws;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;
  private final SnsClient sns;
  private final FixtureServer feeds;
  private final TableNames tables;
  private final WebhookTables webhookTables;
  private final String topicArn;
  private final String alertQueue;
  private final String dlqArn;
  private final String workQueue;
  private final String decisionQueue;
  private final String fanOutFeedsTable;
  private final List<LambdaJar.Run> runs = new ArrayList<>();
  private String lastEventKey;

  /**
   * @param jars the folder holding the jars: the repository (functions/&lt;module&gt;/target/) or a flat copy
   * @param work a folder of its own for this pipeline's task roots and logs
   */
  public Pipeline(Path repo, Path jars, String version, LocalAws aws, Path work) throws IOException {
    this.repo = repo;
    this.jars = jars;
    this.version = version;
    this.work = work;
    this.aws = aws;
    this.dynamo = aws.dynamo();
    this.sqs = aws.sqs();
    this.sns = aws.sns();
    String prefix = "jar-" + UUID.randomUUID().toString().substring(0, 8);
    this.tables = TableNames.withPrefix(prefix);
    Tables.createIfMissing(dynamo, tables);
    this.webhookTables = WebhookTables.withPrefix(prefix);
    Tables.createIfMissing(dynamo, webhookTables);
    this.fanOutFeedsTable = prefix + "-fanout-feeds";
    Tables.createIfMissing(dynamo, new TableNames(tables.announcements() + "-unused", fanOutFeedsTable,
        tables.seenItems() + "-unused", tables.ledger() + "-unused"));
    this.topicArn = sns.createTopic(b -> b.name(prefix + "-alerts")).topicArn();
    this.alertQueue = sqs.createQueue(b -> b.queueName(prefix + "-alerts")).queueUrl();
    String alertQueueArn = sqs.getQueueAttributes(b -> b.queueUrl(alertQueue)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(alertQueueArn)
        .attributes(Map.of("RawMessageDelivery", "true")));
    String dlq = sqs.createQueue(b -> b.queueName(prefix + "-subscriptions-dlq")).queueUrl();
    this.dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    this.workQueue = sqs.createQueue(b -> b.queueName(prefix + "-work")).queueUrl();
    this.decisionQueue = sqs.createQueue(b -> b.queueName(prefix + "-decisions.fifo").attributes(Map.of(
        QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
        .queueUrl();
    this.feeds = FixtureServer.start();
    try (Stream<Path> files = Files.list(repo.resolve("events/sample-feeds"))) {
      for (Path f : files.sorted().toList()) {
        feeds.feed("/" + f.getFileName(), Files.readAllBytes(f));
      }
    }
  }

  public List<LambdaJar.Run> runs() {
    return runs;
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public TableNames tables() {
    return tables;
  }

  public String alertQueue() {
    return alertQueue;
  }

  public String workQueue() {
    return workQueue;
  }

  public String decisionQueue() {
    return decisionQueue;
  }

  public String fanOutFeedsTable() {
    return fanOutFeedsTable;
  }

  public DynamoWebhookRegistry webhooks() {
    return new DynamoWebhookRegistry(dynamo, webhookTables.webhooks(), w -> { });
  }

  /** The single poller on the sample feeds (ledger empty, any age), as the schedule invokes it. */
  public LambdaJar.Run poller() throws IOException, InterruptedException {
    Map<String, String> env = common();
    env.put("ANNOUNCEMENTS_TABLE", tables.announcements());
    env.put("FEEDS_TABLE", tables.feeds());
    env.put("SEEN_ITEMS_TABLE", tables.seenItems());
    env.put("LEDGER_TABLE", tables.ledger());
    env.put("LEDGER_SEED", "none");
    env.put("FEEDS", feedList());
    env.put("MAX_AGE", "none");
    // The sample feeds are served on 127.0.0.1.
    env.put("FEED_ADDRESSES", "public-or-loopback");
    LambdaJar.Run run = run(Functions.POLLER, env, sample("scheduled-event.json"));
    JsonNode events = run.response().path("newEvents");
    lastEventKey = events.isArray() && !events.isEmpty() ? events.get(0).asText() : null;
    return run;
  }

  /** The notifier on the stream record of the first event the poller stored (the sample record, re-keyed). */
  public LambdaJar.Run notifier() throws IOException, InterruptedException {
    if (lastEventKey == null) {
      throw new IllegalStateException("run poller() first: it stores the event the stream record announces");
    }
    ObjectNode event = (ObjectNode) JSON.readTree(sample("dynamodb-stream-insert.json"));
    ObjectNode record = (ObjectNode) event.path("Records").get(0).path("dynamodb");
    ((ObjectNode) record.path("Keys").path("event_key")).put("S", lastEventKey);
    ((ObjectNode) record.path("NewImage").path("event_key")).put("S", lastEventKey);
    Map<String, String> env = common();
    env.put("ANNOUNCEMENTS_TABLE", tables.announcements());
    env.put("TOPIC_ARN", topicArn);
    return run(Functions.NOTIFIER, env, JSON.writeValueAsString(event));
  }

  /** The API on the sample GET /announcements request (company=Alibaba, limit=5). */
  public LambdaJar.Run api() throws IOException, InterruptedException {
    Map<String, String> env = common();
    env.put("ANNOUNCEMENTS_TABLE", tables.announcements());
    env.put("FEEDS_TABLE", tables.feeds());
    env.put("WEBHOOKS_TABLE", webhookTables.webhooks());
    env.put("TOPIC_ARN", topicArn);
    env.put("SUBSCRIPTIONS_DLQ_ARN", dlqArn);
    return run(Functions.API, env, sample("api-get-announcements.json"));
  }

  /**
   * The dispatcher on the sample queue message, with one json webhook registered on 127.0.0.1: the deployed policy
   * refuses loopback addresses after resolving them, so the delivery fails permanently, and says so.
   */
  public LambdaJar.Run dispatcher() throws IOException, InterruptedException {
    webhooks().create(new Webhook(WEBHOOK_ID, URI.create("https://127.0.0.1:9/hook"), WebhookFormat.JSON,
        "whsec_lambda_jars", WebhookFilter.all(), true, 0));
    Map<String, String> env = common();
    env.put("WEBHOOKS_TABLE", webhookTables.webhooks());
    env.put("DELIVERIES_TABLE", webhookTables.deliveries());
    return run(Functions.DISPATCHER, env, sample("sqs-webhook-dispatch.json"));
  }

  /** The fan-out scheduler: every sample feed is new, so due, in one work message. */
  public LambdaJar.Run scheduler() throws IOException, InterruptedException {
    Map<String, String> env = common();
    env.put("FEEDS_TABLE", fanOutFeedsTable);
    env.put("WORK_QUEUE_URL", workQueue);
    env.put("FEEDS", feedList());
    env.put("POLL_INTERVAL", "rate(5 minutes)");
    env.put("FEEDS_PER_MESSAGE", "100");
    return run(Functions.SCHEDULER, env, sample("scheduled-event.json"));
  }

  /** A poll worker on the scheduler's work messages, as the queue's event source mapping delivers them. */
  public LambdaJar.Run worker() throws IOException, InterruptedException {
    List<Message> work = drain(workQueue, 10);
    if (work.isEmpty()) {
      throw new IllegalStateException("run scheduler() first: the work queue is empty");
    }
    Map<String, String> env = common();
    env.put("FEEDS_TABLE", fanOutFeedsTable);
    env.put("DECISION_QUEUE_URL", decisionQueue);
    env.put("POLL_INTERVAL", "rate(5 minutes)");
    env.put("MAX_AGE", "none");
    env.put("FEED_ADDRESSES", "public-or-loopback");
    return run(Functions.WORKER, env, sqsEvent(work, workQueue));
  }

  /** The decision recorder on the worker's decision messages (one FIFO batch). */
  public LambdaJar.Run recorder() throws IOException, InterruptedException {
    List<Message> decisions = drain(decisionQueue, 10);
    if (decisions.isEmpty()) {
      throw new IllegalStateException("run worker() first: the decision queue is empty");
    }
    Map<String, String> env = common();
    env.put("ANNOUNCEMENTS_TABLE", tables.announcements() + "-fanout");
    env.put("LEDGER_TABLE", tables.ledger() + "-fanout");
    env.put("LEDGER_SEED", "none");
    env.put("MAX_AGE", "none");
    Tables.createIfMissing(dynamo, new TableNames(tables.announcements() + "-fanout", fanOutFeedsTable,
        tables.seenItems() + "-fanout", tables.ledger() + "-fanout"));
    return run(Functions.RECORDER, env, sqsEvent(decisions, decisionQueue));
  }

  /** Every step in order. */
  public List<LambdaJar.Run> all() throws IOException, InterruptedException {
    poller();
    notifier();
    api();
    dispatcher();
    scheduler();
    worker();
    recorder();
    return runs;
  }

  /** Up to {@code max} messages now in {@code queue}, taken off it. */
  public List<Message> drain(String queue, int max) {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < 5 && out.size() < max; i++) {
      int wanted = Math.min(10, max - out.size());
      int wait = i == 0 ? 1 : 0;
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(wanted)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).waitTimeSeconds(wait)).messages();
      if (got.isEmpty() && !out.isEmpty()) {
        break;
      }
      for (Message m : got) {
        out.add(m);
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    return out;
  }

  private LambdaJar.Run run(Functions.Function f, Map<String, String> env, String event)
      throws IOException, InterruptedException {
    Path dir = work.resolve(f.name());
    Files.createDirectories(dir);
    LambdaJar.Run run = LambdaJar.invokeOnce(LambdaJar.jar(jars, f.module(), version), f, env, event, dir);
    runs.add(run);
    return run;
  }

  private Map<String, String> common() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", LocalAws.REGION.id());
    env.put("AWS_DEFAULT_REGION", LocalAws.REGION.id());
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_SESSION_TOKEN", "testing");
    // The SDK clients the handlers build take their endpoint from here: moto server instead of AWS.
    env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    return env;
  }

  private String feedList() throws IOException {
    ArrayNode list = JSON.createArrayNode();
    try (Stream<Path> files = Files.list(repo.resolve("events/sample-feeds"))) {
      for (Path f : files.sorted().toList()) {
        list.addObject().put("url", feeds.url("/" + f.getFileName())).put("name", f.getFileName().toString());
      }
    }
    return JSON.writeValueAsString(list);
  }

  private String sample(String name) {
    try {
      return Files.readString(repo.resolve("events").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Messages as Lambda's SQS event source hands them to a function (the shape of events/sqs-*.json). */
  private String sqsEvent(List<Message> messages, String queueUrl) throws IOException {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    String arn = "arn:aws:sqs:us-east-1:123456789012:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    for (Message m : messages) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.messageId());
      r.put("receiptHandle", m.receiptHandle());
      r.put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
      attributes.putIfAbsent("ApproximateReceiveCount", JSON.getNodeFactory().textNode("1"));
      r.putObject("messageAttributes");
      r.put("md5OfBody", m.md5OfBody());
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", arn);
      r.put("awsRegion", LocalAws.REGION.id());
    }
    return JSON.writeValueAsString(event);
  }

  @Override
  public void close() {
    feeds.close();
    dynamo.close();
    sqs.close();
    sns.close();
  }
}
