package com.capexalerts.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.core.ledger.Commitment;
import com.capexalerts.core.ledger.CommitmentOrigin;
import com.capexalerts.notifier.NotifierHandler;
import com.capexalerts.poller.FeedPollerHandler;
import com.capexalerts.testsupport.FixtureServer;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.TableStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The ledger in the deployed pipeline on moto: a fresh deployment loads the seed, so today's news restating a
 * years-old pledge stores no event; a mention becomes a known commitment. Neither writes to the announcements table,
 * so its stream carries no INSERT and the notifier, SNS and the HTTP subscriber see nothing. A new commitment in the
 * same poll alerts once.
 */
class LedgerIntegrationTest {
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private static String item(String id, String title, String summary, Instant published) {
    return "<item><guid>" + id + "</guid><title>" + title + "</title><link>https://example.com/" + id
        + "</link><description>" + summary + "</description><pubDate>" + RFC_822.format(published)
        + "</pubDate></item>";
  }

  @Test
  void seedAndMentionEntriesNeverNotify() throws Exception {
    DynamoDbClient dynamo = MotoServer.dynamo();
    SnsClient sns = MotoServer.get().sns();
    String run = "led-" + UUID.randomUUID().toString().substring(0, 8);
    TableNames tables = TableNames.withPrefix(run);
    Tables.createIfMissing(dynamo, tables);
    String topic = sns.createTopic(b -> b.name(run + "-alerts")).topicArn();
    Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>https://example.com/"
        + "</link><description>d</description>"
        + item("ms-80", "Microsoft plans to spend $80 billion on AI-enabled data centres",
            "Microsoft plans to spend about $80 billion on AI-enabled data centres, its president wrote.", yesterday)
        + item("meta-ok", "Meta reaffirms its AI spending plan", "Meta Platforms said it remains on track with the"
            + " plan to spend up to $65 billion on AI infrastructure that it set out in January.", yesterday)
        + item("tencent-sa", "Tencent to invest $9 billion in new AI data centres in Saudi Arabia",
            "Tencent said it will invest $9 billion over five years to build AI data centres in Saudi Arabia.",
            yesterday)
        + "</channel></rss>";

    try (FixtureServer server = FixtureServer.start()) {
      List<String> posts = new CopyOnWriteArrayList<>();
      server.on("/hook", ex -> {
        posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        FixtureServer.send(ex, 200, new byte[0]);
      });
      sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(server.url("/hook")));
      server.feed("/wire.xml", rss.getBytes(StandardCharsets.UTF_8));
      Map<String, String> env = new HashMap<>(Map.of(
          "ANNOUNCEMENTS_TABLE", tables.announcements(),
          "FEEDS_TABLE", tables.feeds(),
          "SEEN_ITEMS_TABLE", tables.seenItems(),
          "LEDGER_TABLE", tables.ledger(),
          "FEEDS", server.url("/wire.xml")));
      ScheduledEvent schedule = EventLoader.loadScheduledEvent(
          Path.of("../../events/scheduled-event.json").toString());
      TableStream stream = new TableStream(dynamo, MotoServer.get().dynamoStreams(), tables.announcements());
      NotifierHandler notifier = new NotifierHandler(new DynamoAnnouncementStore(dynamo, tables.announcements()),
          new SnsAlertPublisher(sns, topic), Clock.systemUTC());

      new FeedPollerHandler(env, dynamo, Clock.systemUTC()).handleRequest(schedule,
          new LambdaTestContext("feed-poller", 120_000));

      List<Record> records = stream.poll();
      List<Record> inserts = records.stream().filter(r -> r.eventName() == OperationType.INSERT).toList();
      assertEquals(List.of("Tencent"), inserts.stream().map(r -> r.dynamodb().newImage().get("company").s()).toList(),
          "only the new commitment is an event; the restated seed pledge and the mention are not");
      notifier.handleRequest(stream.toLambdaEvent(records), new LambdaTestContext("notifier", 60_000));
      for (int i = 0; i < 50 && posts.isEmpty(); i++) {
        Thread.sleep(100);
      }
      assertEquals(1, posts.size(), "one SNS delivery: the Tencent alert");
      assertTrue(posts.getFirst().contains("Tencent"), posts.getFirst());

      DynamoCommitmentLedger ledger = new DynamoCommitmentLedger(dynamo, tables.ledger());
      assertEquals("bundled", ledger.seededWith().orElseThrow());
      Commitment microsoft = ledger.forCompany("Microsoft").stream()
          .filter(c -> c.key().equals("microsoft-2025-01-03-80b")).findFirst().orElseThrow();
      assertEquals(CommitmentOrigin.SEED, microsoft.origin());
      assertEquals(1, microsoft.sources(), "today's restatement was counted as a source of the seed entry");
      assertTrue(ledger.forCompany("Meta").stream().anyMatch(c -> c.sources() == 1),
          "the mention is known now: " + ledger.forCompany("Meta"));
      assertTrue(ledger.forCompany("Tencent").stream().anyMatch(c -> c.origin() == CommitmentOrigin.ALERT));

      // A second poll that sees the mention item again (new link): still nothing.
      new FeedPollerHandler(env, dynamo, Clock.systemUTC()).handleRequest(schedule,
          new LambdaTestContext("feed-poller", 120_000));
      assertEquals(List.of(), stream.poll().stream().filter(r -> r.eventName() == OperationType.INSERT).toList());
    }
  }
}
