package com.capexalerts.scale;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.core.fetch.FetchSettings;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.notifier.NotifierHandler;
import com.capexalerts.pollscheduler.PollSchedulerHandler;
import com.capexalerts.core.scale.DecisionRecorder;
import com.capexalerts.pollworker.DecisionRecorderHandler;
import com.capexalerts.pollworker.PollWorkerHandler;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.MutableClock;
import com.capexalerts.testsupport.TableStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * bin/simulate-scale: the fan-out pipeline on moto server and loopback feeds, tick by tick, with the handlers run as
 * Lambda runs them: the scheduler once per tick; the workers and the recorder by emulated SQS event source mappings
 * (up to MaximumConcurrency batches at once, failed messages made visible again, a redrive policy to the DLQ); the
 * notifier on the announcements table's stream. The clock jumps one schedule rate per tick; feeds answer in real time.
 */
public final class ScaleSimulation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one run looks like. */
  public record Settings(int feeds, int ticks, int origins, int workerConcurrency, int recorderConcurrency,
      int feedsPerMessage, int announceAtTick, int announcing, long delayMs, long slowMs, long seed) {
    /** 2 % of the feeds (at least 3) retell one pledge from tick 2 on. */
    public static Settings of(int feeds, int ticks) {
      return new Settings(feeds, ticks, Math.max(1, Math.min(200, feeds / 10)), 10, 5, 100, Math.min(2, ticks - 1),
          Math.max(3, feeds / 50), 100, 3000, 42);
    }
  }

  /** One tick's figures. */
  public record Tick(int tick, int due, int polled, int notModified, int failures, long items, int events,
      int alerts, int duplicates, int lost, long wallMs, Map<String, Long> requests, Map<String, Long> esmRequests,
      Map<String, Long> lambdaMs) {}

  private final Settings settings;
  /** Control run: workers decide findings themselves, at the same time, without the FIFO queue. */
  private final boolean unserialized;
  private final AwsRequests counter = new AwsRequests();
  /** The emulated event source mappings' own calls (ReceiveMessage, DeleteMessage), apart from the functions'. */
  private final AwsRequests esm = new AwsRequests();

  public ScaleSimulation(Settings settings) {
    this(settings, false);
  }

  public ScaleSimulation(Settings settings, boolean unserialized) {
    this.settings = settings;
    this.unserialized = unserialized;
  }

  public static void main(String[] args) throws Exception {
    // The tables go to stdout; the handlers' log lines to stderr, warnings only (scale-log4j2.xml).
    System.setProperty("log4j2.configurationFile", "classpath:scale-log4j2.xml");
    int feeds = 1000;
    int ticks = 6;
    int workers = 10;
    int perMessage = 100;
    int announcing = -1;
    boolean unserialized = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--feeds" -> feeds = Integer.parseInt(args[++i]);
        case "--ticks" -> ticks = Integer.parseInt(args[++i]);
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--feeds-per-message" -> perMessage = Integer.parseInt(args[++i]);
        case "--announcing" -> announcing = Integer.parseInt(args[++i]);
        case "--unserialized-control" -> unserialized = true;
        default -> {
          System.err.println("usage: bin/simulate-scale --feeds N [--ticks K] [--workers MAX_CONCURRENCY]"
              + " [--feeds-per-message M] [--announcing A] [--unserialized-control]");
          System.exit(2);
        }
      }
    }
    if (feeds < 10 || ticks < 2 || ticks > 50 || feeds > 20_000 || perMessage < 1 || perMessage > 200) {
      System.err.println("--feeds must be 10..20000, --ticks 2..50, --feeds-per-message 1..200");
      System.exit(2);
    }
    Settings base = Settings.of(feeds, ticks);
    Settings s = new Settings(base.feeds(), base.ticks(), base.origins(), workers, base.recorderConcurrency(),
        perMessage, base.announceAtTick(), announcing >= 0 ? Math.min(announcing, feeds) : base.announcing(),
        base.delayMs(), base.slowMs(), base.seed());
    List<Tick> result = new ScaleSimulation(s, unserialized).run(System.out);
    boolean ok = result.stream().allMatch(t -> t.duplicates() == 0 && t.lost() == 0);
    System.exit(ok ? 0 : 1);
  }

  public List<Tick> run(java.io.PrintStream out) throws Exception {
    LocalAws aws = MotoServer.get();
    DynamoDbClient dynamo = client(DynamoDbClient.builder(), aws).build();
    SqsClient sqs = client(SqsClient.builder(), aws).build();
    SqsClient esmSqs = client(SqsClient.builder(), aws, esm).build();
    SnsClient sns = client(SnsClient.builder(), aws).build();
    DynamoDbStreamsClient streams = client(DynamoDbStreamsClient.builder(), aws).build();
    String run = "sim" + Long.toHexString(System.nanoTime() & 0xffffffL);
    TableNames tables = TableNames.withPrefix(run);
    Tables.createIfMissing(dynamo, tables);
    String workDlq = sqs.createQueue(b -> b.queueName(run + "-work-dlq")).queueUrl();
    String workQueue = queueWithDlq(sqs, run + "-work", workDlq, false);
    String decisionDlq = sqs.createQueue(b -> b.queueName(run + "-decisions-dlq.fifo")
        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    String decisionQueue = queueWithDlq(sqs, run + "-decisions.fifo", decisionDlq, true);
    String topic = sns.createTopic(b -> b.name(run + "-alerts")).topicArn();
    String alertQueue = sqs.createQueue(b -> b.queueName(run + "-alert-copies")).queueUrl();
    String alertArn = sqs.getQueueAttributes(b -> b.queueUrl(alertQueue).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(alertArn)
        .attributes(Map.of("RawMessageDelivery", "true")));

    FeedFarm.Kind[] kinds = mix(settings.feeds(), settings.announcing(), new Random(settings.seed()));
    MutableClock clock = new MutableClock(Instant.now());
    Duration rate = Duration.ofMinutes(5);
    try (FeedFarm farm = new FeedFarm(kinds, settings.origins(), settings.delayMs(), settings.slowMs(),
        clock.instant())) {
      Map<String, String> env = new HashMap<>();
      env.put("ANNOUNCEMENTS_TABLE", tables.announcements());
      env.put("FEEDS_TABLE", tables.feeds());
      env.put("SEEN_ITEMS_TABLE", tables.seenItems());
      env.put("WORK_QUEUE_URL", workQueue);
      env.put("DECISION_QUEUE_URL", decisionQueue);
      env.put("POLL_INTERVAL", "rate(5 minutes)");
      // An empty ledger: the bundled record of known commitments holds the very pledge the feeds retell.
      env.put("LEDGER_SEED", "none");
      env.put("FEEDS_PER_MESSAGE", Integer.toString(settings.feedsPerMessage()));
      env.put("FEEDS", java.util.stream.IntStream.range(0, farm.size()).mapToObj(farm::url)
          .collect(Collectors.joining(",")));
      // Slow feeds take 3 s; the read timeout stays well above that, as in production (20 s).
      StandardFeedFetcher fetcher = new StandardFeedFetcher(FetchSettings.defaults()
          .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)));
      PollSchedulerHandler scheduler = new PollSchedulerHandler(env, dynamo, sqs, clock);
      PollWorkerHandler worker = unserialized
          ? new PollWorkerHandler(env, dynamo, requests -> {
              DecisionRecorder.Outcome o = DecisionRecorderHandler.recorder(env, dynamo, clock).record(requests);
              if (o.errors().stream().anyMatch(java.util.Objects::nonNull)) {
                throw new IllegalStateException("direct decision failed: " + o.errors());
              }
            }, clock, fetcher::fetchFresh)
          : new PollWorkerHandler(env, dynamo, sqs, clock, fetcher::fetchFresh);
      DecisionRecorderHandler recorder = new DecisionRecorderHandler(env, dynamo, clock);
      NotifierHandler notifier = new NotifierHandler(new DynamoAnnouncementStore(dynamo, tables.announcements()),
          new SnsAlertPublisher(sns, topic), clock);
      TableStream stream = new TableStream(dynamo, streams, tables.announcements());
      Random random = new Random(settings.seed() + 1);
      Map<String, Integer> alertsByCompany = new TreeMap<>();
      List<Tick> ticks = new ArrayList<>();
      if (unserialized) {
        out.println("CONTROL RUN: workers decide findings themselves, concurrently, without the FIFO decision queue");
      }
      out.printf("simulate-scale: %d feeds (%s) on %d loopback origins, %d ticks of %s, worker MaximumConcurrency %d,"
          + " %d feeds/message%n", settings.feeds(), describe(kinds), settings.origins(), settings.ticks(), rate,
          settings.workerConcurrency(), settings.feedsPerMessage());
      out.println("tick   due  polled   304  fail   items events alerts dup lost  wall_s  lambda_s(invocations) sched/work/rec/notify"
          + "  requests");
      int eventsSoFar = 0;
      for (int t = 0; t < settings.ticks(); t++) {
        if (t > 0) {
          clock.advance(rate);
        }
        for (int i = 0; i < kinds.length; i++) {
          if (kinds[i] == FeedFarm.Kind.PUBLISHING && random.nextInt(4) == 0) {
            farm.publish(i);
          }
        }
        if (t == settings.announceAtTick()) {
          farm.announce();
        }
        Map<String, Long> before = counter.snapshot();
        Map<String, Long> esmBefore = esm.snapshot();
        long failedBefore = farm.failed.get();
        long itemsBefore = farm.items.get();
        long requestsBefore = farm.requests.get();
        long notModifiedBefore = farm.notModified.get();
        Map<String, AtomicLong> lambdaMs = new TreeMap<>();
        long start = System.nanoTime();
        Map<String, Object> tick = timed(lambdaMs, "1-scheduler",
            () -> scheduler.handleRequest(null, new LambdaTestContext("poll-scheduler", 60_000)));
        consume(esmSqs, workQueue, settings.workerConcurrency(), 10, false, lambdaMs, "2-worker", batch -> {
          LambdaTestContext ctx = new LambdaTestContext("poll-worker", 300_000);
          SQSBatchResponse r = worker.handleRequest(batch, ctx);
          if (!r.getBatchItemFailures().isEmpty()) {
            System.err.println("poll-worker: " + r.getBatchItemFailures().size() + " message(s) to retry: " + ctx.messages());
          }
          return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
              .collect(Collectors.toSet());
        });
        consume(esmSqs, decisionQueue, settings.recorderConcurrency(), 10, true, lambdaMs, "3-recorder", batch -> {
          LambdaTestContext ctx = new LambdaTestContext("decision-recorder", 60_000);
          SQSBatchResponse r = recorder.handleRequest(batch, ctx);
          if (!r.getBatchItemFailures().isEmpty()) {
            System.err.println("decision-recorder: " + r.getBatchItemFailures().size() + " message(s) to retry: " + ctx.messages());
          }
          return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
              .collect(Collectors.toSet());
        });
        var inserts = stream.poll().stream().filter(r -> r.eventName() == OperationType.INSERT).toList();
        if (!inserts.isEmpty()) {
          DynamodbEvent event = stream.toLambdaEvent(inserts);
          timed(lambdaMs, "4-notifier", () -> notifier.handleRequest(event, new LambdaTestContext("notifier", 60_000)));
        }
        int alerts = 0;
        for (JsonNode alert : drain(sqs, alertQueue)) {
          alertsByCompany.merge(alert.path("company").asText("?"), 1, Integer::sum);
          alerts++;
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        int events = inserts.size();
        eventsSoFar += events;
        int duplicates = alertsByCompany.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum()
            + Math.max(0, eventsSoFar - alertsByCompany.size());
        int owed = farm.announcementsServed.get() > 0 ? 1 : 0;
        int lost = Math.max(0, owed - alertsByCompany.size());
        long polled = farm.requests.get() - requestsBefore;
        long notModified = farm.notModified.get() - notModifiedBefore;
        Map<String, Long> requests = AwsRequests.byService(counter.snapshot(), before);
        Map<String, Long> ms = new TreeMap<>();
        lambdaMs.forEach((k, v) -> ms.put(k, v.get()));
        Tick row = new Tick(t, ((Number) tick.get("due")).intValue(), (int) polled, (int) notModified,
            (int) (farm.failed.get() - failedBefore), farm.items.get() - itemsBefore, events, alerts, duplicates, lost, wallMs,
            requests, AwsRequests.byService(esm.snapshot(), esmBefore), ms);
        ticks.add(row);
        out.printf("%4d %5d %7d %5d %5d %7d %6d %6d %3d %4d %7.1f  %-44s  %s%n", t, row.due(), row.polled(),
            row.notModified(), row.failures(), row.items(), row.events(), row.alerts(), row.duplicates(), row.lost(),
            wallMs / 1000.0, lambdaSeconds(ms), requests + " esm " + row.esmRequests());
      }
      out.println("alerts by company: " + alertsByCompany + "; dead letters: work "
          + count(sqs, workDlq) + ", decisions " + count(sqs, decisionDlq));
      out.println("function requests by operation, whole run: " + counter.snapshot());
      out.println("event-source-mapping requests (emulated, polling every 100 ms when idle): " + esm.snapshot());
      return ticks;
    }
  }

  /** Seconds (invocations) per function, in the order scheduler, worker, recorder, notifier. */
  private static String lambdaSeconds(Map<String, Long> ms) {
    return ms.entrySet().stream().filter(e -> !e.getKey().endsWith(" invocations"))
        .map(e -> String.format("%.1f(%d)", e.getValue() / 1000.0, ms.getOrDefault(e.getKey() + " invocations", 0L)))
        .collect(Collectors.joining("/"));
  }

  /**
   * An SQS event source mapping: up to {@code concurrency} batches in flight, a standard queue's batch gathered for up
   * to a second (the template's MaximumBatchingWindowInSeconds); a batch's failed messages become
   * visible again at once (the simulation's visibility timeout), the rest are deleted. Stops when the queue is empty
   * and nothing is in flight.
   */
  private void consume(SqsClient sqs, String queue, int concurrency, int batchSize, boolean fifo,
      Map<String, AtomicLong> lambdaMs, String function, Function<SQSEvent, Set<String>> handler) {
    AtomicInteger busy = new AtomicInteger();
    try (ExecutorService pollers = Executors.newFixedThreadPool(concurrency)) {
      for (int p = 0; p < concurrency; p++) {
        pollers.submit(() -> {
          int idle = 0;
          while (idle < 3) {
            busy.incrementAndGet();
            List<Message> messages = new ArrayList<>(receive(sqs, queue, Math.min(10, batchSize)));
            // MaximumBatchingWindowInSeconds (standard queues only): gather up to the batch size for a while.
            long windowEnds = System.nanoTime() + 1_000_000_000L;
            while (!fifo && !messages.isEmpty() && messages.size() < batchSize && System.nanoTime() < windowEnds) {
              List<Message> more = receive(sqs, queue, Math.min(10, batchSize - messages.size()));
              if (more.isEmpty()) {
                break;
              }
              messages.addAll(more);
            }
            if (messages.isEmpty()) {
              busy.decrementAndGet();
              idle = busy.get() == 0 ? idle + 1 : 0;
              sleep(100);
              continue;
            }
            idle = 0;
            try {
              Set<String> failed = timed(lambdaMs, function, () -> handler.apply(event(messages)));
              for (Message m : messages) {
                if (failed.contains(m.messageId())) {
                  sqs.changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())
                      .visibilityTimeout(0));
                } else {
                  sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                }
              }
            } catch (RuntimeException e) {
              System.err.println(function + " invocation failed: " + e);
              messages.forEach(m -> sqs.changeMessageVisibility(b -> b.queueUrl(queue)
                  .receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
            } finally {
              busy.decrementAndGet();
            }
          }
          return null;
        });
      }
    }
  }

  private static List<Message> receive(SqsClient sqs, String queue, int max) {
    return sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(max).visibilityTimeout(120)
        .attributeNamesWithStrings("All")).messages();
  }

  private static SQSEvent event(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : messages) {
      SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
      r.setMessageId(m.messageId());
      r.setBody(m.body());
      r.setReceiptHandle(m.receiptHandle());
      r.setAttributes(m.attributesAsStrings());
      records.add(r);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static <T> T timed(Map<String, AtomicLong> lambdaMs, String function, java.util.function.Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      synchronized (lambdaMs) {
        lambdaMs.computeIfAbsent(function, k -> new AtomicLong()).addAndGet((System.nanoTime() - start) / 1_000_000);
        lambdaMs.computeIfAbsent(function + " invocations", k -> new AtomicLong()).incrementAndGet();
      }
    }
  }

  private static String queueWithDlq(SqsClient sqs, String name, String dlqUrl, boolean fifo) {
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    Map<QueueAttributeName, String> attributes = new HashMap<>();
    attributes.put(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}");
    if (fifo) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
    }
    return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  private static List<JsonNode> drain(SqsClient sqs, String queue) {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
      if (messages.isEmpty()) {
        return out;
      }
      for (Message m : messages) {
        try {
          out.add(JSON.readTree(m.body()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("alert copy is not JSON: " + m.body(), e);
        }
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private static int count(SqsClient sqs, String queue) {
    return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queue)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  /** 85 % quiet, 7 % publishing, 3 % slow, 3 % failing; {@code announcing} of them spread out carry the pledge. */
  static FeedFarm.Kind[] mix(int n, int announcing, Random random) {
    FeedFarm.Kind[] kinds = new FeedFarm.Kind[n];
    for (int i = 0; i < n; i++) {
      int r = random.nextInt(100);
      kinds[i] = r < 85 ? FeedFarm.Kind.QUIET : r < 92 ? FeedFarm.Kind.PUBLISHING : r < 95 ? FeedFarm.Kind.SLOW
          : r < 98 ? FeedFarm.Kind.FAILING : FeedFarm.Kind.QUIET;
    }
    for (int i = 0; i < announcing; i++) {
      kinds[(int) ((long) i * n / announcing)] = FeedFarm.Kind.ANNOUNCING;
    }
    return kinds;
  }

  private static String describe(FeedFarm.Kind[] kinds) {
    Map<FeedFarm.Kind, Long> counts = new TreeMap<>();
    for (FeedFarm.Kind k : kinds) {
      counts.merge(k, 1L, Long::sum);
    }
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
        .collect(Collectors.joining(", "));
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B client(B builder, LocalAws aws) {
    return client(builder, aws, counter);
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B client(B builder, LocalAws aws,
      AwsRequests counter) {
    return builder.endpointOverride(aws.endpoint()).region(LocalAws.REGION)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        // moto is one local process: under a thousand concurrent calls its accept queue needs longer than the default.
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60)).build())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
