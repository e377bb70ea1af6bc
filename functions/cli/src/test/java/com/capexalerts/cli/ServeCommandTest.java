package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.cli.state.FileAnnouncementStore;
import com.capexalerts.cli.state.FileStores;
import com.capexalerts.core.alert.AlertAtomFeed;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.CapexWebhookVerifier;
import com.capexalerts.core.webhook.WebhookSignature;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.WebhookReceiver;
import com.capexalerts.testsupport.contract.AnnouncementHistoryContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `capex-alerts serve` on a free loopback port over a state written through the file store, spoken to over HTTP. */
class ServeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path state;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger exit = new AtomicInteger(-1);
  private Thread serving;
  private int port;

  /** Runs the command in the background and waits until it answers. */
  private void serve(String... extra) throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> args = new ArrayList<>(List.of("serve", "--state", state.toString(), "--port", "" + port));
    args.addAll(List.of(extra));
    CommandLine cl = CapexAlerts.newCommandLine();
    cl.setErr(new PrintWriter(err, true));
    serving = Thread.ofPlatform().name("serve").start(() -> exit.set(cl.execute(args.toArray(String[]::new))));
    Instant deadline = Instant.now().plusSeconds(20);
    while (true) {
      try {
        get("/announcements");
        return;
      } catch (ConnectException notYet) {
        assertTrue(Instant.now().isBefore(deadline) && serving.isAlive(), "serve did not start: " + err);
        Thread.sleep(50);
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (serving != null && serving.isAlive()) {
      serving.interrupt();
      serving.join(10_000);
    }
    http.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void storeEvents(int n) {
    FileAnnouncementStore store = FileStores.open(state).announcements();
    for (int k = 0; k < n; k++) {
      assertTrue(store.create(AnnouncementHistoryContract.event(k)));
    }
  }

  /** The local story: register with serve, run a poll, the receiver verifies, the Atom feed agrees. */
  @Test
  void aWebhookRegisteredThroughServeGetsOneSignedDeliveryPerAlertOfTheNextRun() throws Exception {
    serve();
    try (WebhookReceiver receiver = new WebhookReceiver((timestamp, signature, body) -> false)) {
      HttpResponse<String> registered = post("/webhooks",
          "{\"url\":\"" + receiver.url("/capex") + "\",\"format\":\"json\"}");
      assertEquals(201, registered.statusCode(), registered.body());
      CapexWebhookVerifier verifier =
          new CapexWebhookVerifier(JSON.readTree(registered.body()).get("secret").asText());

      Cli.Result run = Cli.run("run", "--state", state.toString(), "--max-age", "none",
          "--feed", Path.of("../../events/sample-feeds").toString());
      assertEquals(0, run.exit(), run.err());

      List<String> alerted = new ArrayList<>();
      for (String line : run.out().lines().toList()) {
        alerted.add(JSON.readTree(line).get("event_key").asText());
      }
      assertEquals(3, alerted.size(), run.out());
      List<WebhookReceiver.Post> posts = receiver.posts("/capex");
      assertEquals(alerted, posts.stream().map(p -> p.header(WebhookSignature.EVENT_ID_HEADER)).toList());
      for (WebhookReceiver.Post p : posts) {
        assertTrue(verifier.verify(p.header(WebhookSignature.TIMESTAMP_HEADER),
            p.header(WebhookSignature.SIGNATURE_HEADER), p.body(), Instant.now()), "verifies as docs/webhooks.md says");
      }
      SyndFeed feed = new SyndFeedInput().build(new StringReader(get("/feed.atom").body()));
      assertEquals(alerted.stream().map(k -> AlertAtomFeed.entryId(new EventKey(k))).sorted().toList(),
          feed.getEntries().stream().map(SyndEntry::getUri).sorted().toList(), "the feed lists the same alerts");
    }
  }

  @Test
  void servesTheFeedAndTheHistoryOfTheEmbeddedState() throws Exception {
    storeEvents(5);
    serve();

    HttpResponse<String> feedResponse = get("/feed.atom");
    assertEquals(200, feedResponse.statusCode());
    assertEquals("application/atom+xml; charset=utf-8", feedResponse.headers().firstValue("content-type").orElse(""));
    SyndFeed feed = new SyndFeedInput().build(new StringReader(feedResponse.body()));
    assertEquals(List.of("alibaba-3", "meta-2", "microsoft-1", "alibaba-0").stream()
            .map(k -> AlertAtomFeed.entryId(new EventKey(k))).toList(),
        feed.getEntries().stream().map(SyndEntry::getUri).toList().subList(1, 5));
    assertEquals(AlertAtomFeed.entryId(new EventKey("microsoft-4")), feed.getEntries().getFirst().getUri());
    assertEquals("http://127.0.0.1:" + port + "/feed.atom", feed.getLinks().stream()
        .filter(l -> l.getRel().equals("self")).findFirst().orElseThrow().getHref());

    List<String> listed = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> r = get("/announcements?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("application/json; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
      JsonNode page = JSON.readTree(r.body());
      page.get("items").forEach(i -> listed.add(i.get("event_key").asText()));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
    } while (cursor != null);
    assertEquals(List.of("microsoft-4", "alibaba-3", "meta-2", "microsoft-1", "alibaba-0"), listed);

    JsonNode meta = JSON.readTree(get("/announcements?company=Meta&min_usd=1e9").body());
    assertEquals(1, meta.get("items").size());
    assertEquals(200, get("/announcements/meta-2").statusCode());
    HttpResponse<String> missing = get("/announcements/meta-9");
    assertEquals(404, missing.statusCode());
    assertEquals("event_key", JSON.readTree(missing.body()).at("/error/field").asText());
    assertEquals(400, get("/announcements?limit=0").statusCode());
    assertEquals(404, get("/nothing/here").statusCode());
  }

  @Test
  void subscriptionsNeedAnEndpointAndOversizedBodiesAre413() throws Exception {
    serve();
    HttpResponse<String> subscriptions = get("/subscriptions");
    assertEquals(501, subscriptions.statusCode());
    assertTrue(JSON.readTree(subscriptions.body()).at("/error/reason").asText().contains("--endpoint"));
    HttpResponse<String> registered = post("/webhooks", "{\"url\":\"http://127.0.0.1:9/x\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    String id = JSON.readTree(registered.body()).get("id").asText();
    assertTrue(JSON.readTree(registered.body()).get("secret").asText().length() >= 32, "the secret, shown once");
    HttpResponse<String> listed = get("/webhooks/" + id);
    assertEquals(200, listed.statusCode());
    assertTrue(JSON.readTree(listed.body()).path("secret").isMissingNode(), "never shown again: " + listed.body());
    assertEquals(400, post("/webhooks", "{\"url\":\"http://example.com/x\"}").statusCode(),
        "locally only loopback may be plain http");
    HttpResponse<String> big = post("/webhooks", "{\"url\":\"" + "x".repeat(20_000) + "\"}");
    assertEquals(413, big.statusCode());
    assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/feed.atom"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void withAnSnsEndpointSubscriptionsAreCreatedOnItsTopic() throws Exception {
    URI moto = MotoServer.get().endpoint();
    serve("--endpoint", moto.toString(), "--create");
    HttpResponse<String> created = post("/subscriptions",
        "{\"protocol\":\"email\",\"endpoint\":\"local@example.com\",\"companies\":[\"Nvidia\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).get("id").asText();
    JsonNode list = JSON.readTree(get("/subscriptions").body());
    assertTrue(list.toString().contains(id), list.toString());
    assertTrue(list.toString().contains("l***@example.com"), list.toString());
    assertEquals(204, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/subscriptions/"
        + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void interruptingServeStopsItCleanly() throws Exception {
    serve();
    serving.interrupt();
    serving.join(10_000);
    assertEquals(0, exit.get(), err.toString());
    assertTrue(err.toString().contains("capex-alerts serve: http://127.0.0.1:" + port + "/"), err.toString());
    assertTrue(err.toString().contains("capex-alerts serve: stopped"), err.toString());
    JsonNode request = null;
    for (String line : err.toString().split("\n")) {
      if (line.startsWith("  {") && line.contains("\"request served\"")) {
        request = JSON.readTree(line.strip());
      }
    }
    assertTrue(request != null, "a JSON request line: " + err);
    assertEquals("INFO", request.path("level").asText(), request.toString());
    assertEquals("GET /announcements", request.path("route").asText(), request.toString());
    assertEquals(200, request.path("http_status").asInt(), request.toString());
    assertThrows(ConnectException.class, () -> get("/feed.atom"));
  }
}
