package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.cli.state.FileWebhookRegistry;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.webhook.CapexWebhookVerifier;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.core.webhook.WebhookSignature;
import com.capexalerts.testsupport.RepoRoot;
import com.capexalerts.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local run's webhook step: webhooks registered in the state directory, receivers on 127.0.0.1. */
@Timeout(120)
class RunWebhooksTest {
  private static final String SECRET = "whsec_local_run";
  /** The sentence the detector must turn into an alert; kept beside the sample feeds in case they give none. */
  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Fixture wire</title><link>https://wire.example.com/</link>
      <description>fixture</description>
      <item><guid>ms-80b</guid><title>Microsoft will invest $80 billion in AI data centres this fiscal year</title>
      <description>Microsoft will invest $80 billion in AI data centres this fiscal year, the company said.</description>
      <link>https://wire.example.com/microsoft-80b</link><pubDate>Tue, 25 Feb 2025 14:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

  @TempDir
  Path dir;
  private WebhookReceiver receiver;
  private Path state;

  @BeforeEach
  void start() {
    CapexWebhookVerifier verifier = new CapexWebhookVerifier(SECRET);
    receiver = new WebhookReceiver((timestamp, signature, body) -> verifier.verify(timestamp, signature, body,
        Instant.now()));
    state = dir.resolve("state");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private void register(String id, String path, WebhookFilter filter) {
    assertTrue(new FileWebhookRegistry(state, w -> { })
        .create(new Webhook(id, receiver.url(path), WebhookFormat.JSON, SECRET, filter, true, 0)));
  }

  @Test
  void runDeliversEveryPrintedAlertToTheRegisteredWebhookOnce() throws Exception {
    register("local", "/hook", WebhookFilter.all());
    Path fixture = Files.writeString(dir.resolve("fixture-wire.xml"), RSS);
    Path samples = RepoRoot.find().resolve("events/sample-feeds");

    Cli.Result first = Cli.run("run", "--feed", samples.toString(), "--feed", fixture.toString(), "--max-age", "none",
        "--state", state.toString());

    assertEquals(0, first.exit(), first.err());
    List<String> alerted = new ArrayList<>();
    for (String line : first.out().lines().toList()) {
      JsonNode alert = Json.MAPPER.readTree(line);
      alerted.add(alert.get("event_key").asText());
    }
    assertFalse(alerted.isEmpty(), "the sample feeds and the fixture carry announcements");
    List<WebhookReceiver.Post> posts = receiver.posts("/hook");
    assertEquals(alerted, posts.stream().map(p -> p.header(WebhookSignature.EVENT_ID_HEADER)).toList(),
        "one delivery per alert line, in order");
    assertTrue(posts.stream().allMatch(WebhookReceiver.Post::verified), "signatures verify the documented way");
    for (String key : alerted) {
      assertTrue(first.err().contains("  webhook local: " + key + " delivered (1 attempt, "), first.err());
    }
    assertTrue(first.err().contains("capex-alerts run: webhooks: " + alerted.size() + " delivered, 0 failed"),
        first.err());

    Cli.Result second = Cli.run("run", "--feed", samples.toString(), "--feed", fixture.toString(), "--max-age", "none",
        "--state", state.toString());
    assertEquals("", second.out(), "nothing new the second time");
    assertEquals(alerted.size(), receiver.posts("/hook").size());
  }

  @Test
  void eachAlertGoesToTheMatchingWebhooksWithOneLineEach() {
    receiver.on("/gone", n -> 410);
    register("all", "/all", WebhookFilter.all());
    register("gone", "/gone", WebhookFilter.all());
    register("nvidia", "/nvidia", new WebhookFilter(null, Set.of("Nvidia"), Set.of()));
    StringWriter err = new StringWriter();

    try (LocalWebhooks webhooks = LocalWebhooks.open(state, Clock.systemUTC(), new PrintWriter(err, true))) {
      webhooks.deliver(microsoft());
      webhooks.deliver(microsoft());
      assertEquals("webhooks: 1 delivered, 1 failed", webhooks.summary());
    }

    assertEquals(1, receiver.posts("/all").size(), "the second delivery is skipped: already delivered");
    assertTrue(receiver.posts("/all").getFirst().verified());
    assertEquals(1, receiver.posts("/gone").size());
    assertEquals(List.of(), receiver.posts("/nvidia"));
    String log = err.toString();
    assertTrue(log.contains("  webhook all: microsoft-2025-02-25-80b delivered (1 attempt, "), log);
    assertTrue(log.contains("  webhook gone: microsoft-2025-02-25-80b refused (1 attempt, "), log);
    assertTrue(log.contains("disabling: the receiver answered 410 Gone"), log);
    assertTrue(log.contains("  webhook all: microsoft-2025-02-25-80b already delivered before, not sent again"), log);
    assertFalse(new FileWebhookRegistry(state, w -> { }).get("gone").orElseThrow().enabled());
  }

  @Test
  void aDeliveryThatFailedEveryAttemptIsRetriedByTheNextRunAndNobodyGetsItTwice() throws Exception {
    receiver.on("/flaky", n -> n <= 4 ? 503 : 200);
    register("flaky", "/flaky", WebhookFilter.all());
    register("steady", "/steady", WebhookFilter.all());
    Path fixture = Files.writeString(dir.resolve("fixture-wire.xml"), RSS);
    // the fixture retells a pledge the bundled seed ledger knows: start from an empty ledger so it alerts
    String[] run = {"run", "--feed", fixture.toString(), "--max-age", "none", "--ledger-seed", "none", "--state",
        state.toString()};

    Cli.Result first = Cli.run(run);
    assertEquals(1, receiver.posts("/flaky").size() == 4 ? 1 : 0, "four attempts: " + first.err());
    assertTrue(first.err().contains("failed (4 attempts"), first.err());
    assertTrue(first.err().contains("(kept for the next run)"), first.err());
    assertTrue(Files.readString(state.resolve("webhook-pending.json")).contains("microsoft-2025-02-25-80b"));

    Cli.Result second = Cli.run(run);
    assertEquals("", second.out(), "no new alert: only the pending delivery");
    assertTrue(second.err().contains("webhooks: retrying microsoft-2025-02-25-80b"), second.err());
    Cli.Result third = Cli.run(run);

    assertEquals(List.of(503, 503, 503, 503, 200),
        receiver.posts("/flaky").stream().map(WebhookReceiver.Post::answered).toList());
    assertEquals(1, receiver.posts("/steady").size(), "the receiver that acknowledged is not posted to again");
    assertFalse(third.err().contains("retrying"), third.err());
    assertFalse(Files.readString(state.resolve("webhook-pending.json")).contains("microsoft"));
  }

  private static Announcement microsoft() {
    Instant at = Instant.parse("2025-02-25T14:00:00Z");
    String text = "Microsoft will invest $80 billion in AI data centres this fiscal year";
    return new Announcement(new EventKey("microsoft-2025-02-25-80b"), "Microsoft", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("80000000000"), "USD", "$80 billion"), new BigDecimal("80000000000"),
        "this fiscal year", text, text, "https://wire.example.com/microsoft-80b", at, at.plusSeconds(60),
        List.of(new Source("https://wire.example.com/microsoft-80b", "Fixture wire", text, at)), null);
  }
}
