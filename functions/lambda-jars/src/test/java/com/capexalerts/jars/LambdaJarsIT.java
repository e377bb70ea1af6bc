package com.capexalerts.jars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.RepoRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every function's shaded jar (functions/&lt;module&gt;/target/*-lambda.jar, exactly what sam build deploys) run by
 * Lambda's runtime interface client in a fresh JVM against moto server: whatever the shade filters strip, the
 * handlers must still start, do their work on real AWS APIs, and write JSON log lines and EMF documents that
 * CloudWatch reads as such.
 */
class LambdaJarsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Pipeline pipeline;

  @BeforeEach
  void stack() throws Exception {
    Path repo = RepoRoot.find();
    Path work = Files.createDirectories(repo.resolve("functions/lambda-jars/target/jar-runs"))
        .resolve(Long.toString(System.nanoTime()));
    pipeline = new Pipeline(repo, repo, System.getProperty("capex.version", "0.1.0-SNAPSHOT"), MotoServer.get(),
        work);
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void theSinglePollerPathRunsFromTheJars() throws Exception {
    LambdaJar.Run poller = pipeline.poller();
    JsonNode summary = poller.response();
    assertEquals(3, summary.path("feeds").asInt(), summary.toString());
    assertEquals(0, summary.path("failed").asInt(-1), summary.toString());
    int stored = pipeline.dynamo().scan(b -> b.tableName(pipeline.tables().announcements())).count();
    assertTrue(stored >= 1, "the sample feeds carry new pledges: " + summary);
    assertEquals(stored, summary.path("newEvents").size(), summary.toString());
    assertPowertoolsLines(poller, "feed-poller");
    JsonNode done = line(poller, "INFO", "poll done");
    assertEquals(3, done.path("fetched").asInt(-1), done.toString());
    assertEmf(poller, "feed-poller", Set.of("FeedsPolled", "FeedsSucceeded", "FeedsFailed", "FeedsStale",
        "FeedsBackingOff", "ItemsNew", "EventsNew", "SourcesAdded", "ItemErrors"));
    assertEquals(3, emf(poller).path("FeedsSucceeded").asInt(-1));
    assertEquals(stored, emf(poller).path("EventsNew").asInt(-1));

    LambdaJar.Run notifier = pipeline.notifier();
    assertEquals(0, notifier.response().path("batchItemFailures").size(), notifier.response().toString());
    List<software.amazon.awssdk.services.sqs.model.Message> alerts = pipeline.drain(pipeline.alertQueue(), 10);
    assertEquals(1, alerts.size(), "one alert through SNS to the subscribed queue");
    assertEquals(summary.path("newEvents").get(0).asText(),
        JSON.readTree(alerts.getFirst().body()).path("event_key").asText());
    assertPowertoolsLines(notifier, "notifier");
    assertEquals("PUBLISHED", line(notifier, "INFO", "alert published").path("status").asText());
    assertEmf(notifier, "notifier", Set.of("AlertsPublished", "AlertsFailed", "AlertsSkipped"));
    assertEquals(1, emf(notifier).path("AlertsPublished").asInt(-1));
    assertEquals(0, emf(notifier).path("AlertsFailed").asInt(-1));

    LambdaJar.Run api = pipeline.api();
    JsonNode response = api.response();
    assertEquals(200, response.path("statusCode").asInt(), response.toString());
    JsonNode body = JSON.readTree(response.path("body").asText());
    assertTrue(body.path("items").isArray(), body.toString());
    assertPowertoolsLines(api, "api");
    JsonNode served = line(api, "INFO", "request served");
    assertEquals(200, served.path("http_status").asInt());
    assertEquals("GET /announcements", served.path("route").asText());

    LambdaJar.Run dispatcher = pipeline.dispatcher();
    assertEquals(0, dispatcher.response().path("batchItemFailures").size(), dispatcher.response().toString());
    assertPowertoolsLines(dispatcher, "webhook-dispatcher");
    // The sample holds two alerts; each delivery is refused and counted against the webhook.
    List<JsonNode> refused = dispatcher.logLines().stream()
        .filter(l -> l.path("message").asText().equals("webhook failed_permanently")).toList();
    assertEquals(2, refused.size(), dispatcher.stdout().toString());
    for (JsonNode r : refused) {
      assertEquals("WARN", r.path("level").asText(), r.toString());
      assertEquals(Pipeline.WEBHOOK_ID, r.path("webhook_id").asText(), r.toString());
      assertTrue(r.path("detail").asText().contains("loopback"), r.toString());
    }
    assertEquals(2, pipeline.webhooks().get(Pipeline.WEBHOOK_ID).orElseThrow().consecutiveFailures(),
        "the failures are recorded in the webhooks table");
  }

  @Test
  void theFanOutPathRunsFromTheJars() throws Exception {
    LambdaJar.Run scheduler = pipeline.scheduler();
    JsonNode tick = scheduler.response();
    assertEquals(3, tick.path("due").asInt(), tick.toString());
    assertEquals(1, tick.path("messages").asInt(), tick.toString());
    assertPowertoolsLines(scheduler, "poll-scheduler");
    line(scheduler, "INFO", "tick done");

    LambdaJar.Run worker = pipeline.worker();
    assertEquals(0, worker.response().path("batchItemFailures").size(), worker.response().toString());
    assertPowertoolsLines(worker, "poll-worker");
    JsonNode batch = line(worker, "INFO", "batch done");
    assertEquals(3, batch.path("feeds").asInt(), batch.toString());

    LambdaJar.Run recorder = pipeline.recorder();
    assertEquals(0, recorder.response().path("batchItemFailures").size(), recorder.response().toString());
    assertPowertoolsLines(recorder, "decision-recorder");
    JsonNode recorded = line(recorder, "INFO", "decisions recorded");
    assertTrue(recorded.path("decisions").asInt() >= 1, recorded.toString());
    assertFalse(recorded.path("new_events").isEmpty(), recorded.toString());
    int stored = pipeline.dynamo().scan(b -> b.tableName(pipeline.tables().announcements() + "-fanout")).count();
    assertEquals(recorded.path("new_events").size(), stored, recorded.toString());
  }

  /**
   * The runs above reach moto through AWS_ENDPOINT_URL; in Lambda the SDK resolves AWS's endpoints itself. Each jar
   * must carry that path too (endpoint rules, signing, marshalling): its clients, built as the handlers build them,
   * get as far as the network (a proxy on a closed loopback port) and fail there, with no class missing.
   */
  @Test
  void everyJarResolvesAwsEndpointsAsInLambda() throws Exception {
    Path repo = RepoRoot.find();
    String version = System.getProperty("capex.version", "0.1.0-SNAPSHOT");
    for (String module : Functions.ALL.stream().map(Functions.Function::module).distinct().toList()) {
      java.util.Map.Entry<Integer, String> probe = LambdaJar.probeProductionEndpoints(
          LambdaJar.jar(repo, module, version), repo.resolve("functions/lambda-jars/target/endpoint-probe/" + module));
      assertEquals(0, probe.getKey(), module + ": " + probe.getValue());
      assertTrue(probe.getValue().contains("dynamodb: connection refused"), module + ": " + probe.getValue());
    }
  }

  /** Every stdout line is one JSON object; log lines carry Powertools' fields and the invocation's request id. */
  private static void assertPowertoolsLines(LambdaJar.Run run, String service) {
    List<JsonNode> lines = run.logLines();
    assertFalse(lines.isEmpty(), run.function() + ": no log line; stderr: " + run.stderr());
    for (JsonNode l : lines) {
      assertTrue(Set.of("INFO", "WARN", "ERROR").contains(l.path("level").asText()),
          run.function() + ": no DEBUG below the INFO of the template, and a level on every line: " + l);
      assertEquals(service, l.path("service").asText(), l.toString());
      assertEquals(run.function(), l.path("function_name").asText(), l.toString());
      assertEquals(run.result().requestId(), l.path("function_request_id").asText(), l.toString());
      assertTrue(l.hasNonNull("timestamp") && l.hasNonNull("message"), l.toString());
    }
    assertTrue(lines.getFirst().path("cold_start").asBoolean(), "the first invocation is a cold start: "
        + lines.getFirst());
    assertFalse(run.stderr().contains("Exception") || run.stderr().contains("ERROR"),
        run.function() + " stderr: " + run.stderr());
  }

  private static JsonNode line(LambdaJar.Run run, String level, String message) {
    return run.logLines().stream()
        .filter(l -> l.path("level").asText().equals(level) && l.path("message").asText().equals(message))
        .findFirst().orElseThrow(() -> new AssertionError(run.function() + ": no " + level + " '" + message
            + "' line in " + run.stdout()));
  }

  private static JsonNode emf(LambdaJar.Run run) {
    List<JsonNode> docs = run.metricDocuments();
    assertEquals(1, docs.size(), run.function() + ": one EMF document per invocation: " + run.stdout());
    return docs.getFirst();
  }

  /** The EMF document CloudWatch turns into the template's metrics: namespace, one Service dimension, names. */
  private static void assertEmf(LambdaJar.Run run, String service, Set<String> names) {
    JsonNode doc = emf(run);
    JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
    assertEquals("CapexAlerts", directive.path("Namespace").asText(), doc.toString());
    assertEquals("[[\"Service\"]]", directive.path("Dimensions").toString(), doc.toString());
    assertEquals(service, doc.path("Service").asText(), doc.toString());
    assertTrue(doc.at("/_aws/Timestamp").isIntegralNumber(), doc.toString());
    assertEquals(names, directive.path("Metrics").valueStream().map(m -> m.path("Name").asText())
        .collect(Collectors.toSet()), doc.toString());
    for (String name : names) {
      assertTrue(doc.path(name).isNumber(), name + " has a value: " + doc);
    }
    assertTrue(directive.path("Metrics").valueStream().allMatch(m -> m.path("Unit").asText().equals("Count")),
        doc.toString());
  }
}
