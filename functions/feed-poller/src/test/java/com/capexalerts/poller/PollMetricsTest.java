package com.capexalerts.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.fetch.FailureClass;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.PollReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollMetricsTest {
  static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void anEmbeddedMetricFormatDocumentNamesEveryValueItCarries() throws Exception {
    PollReport report = new PollReport(AT, AT, List.of(
        new FeedReport("https://a/", "a", FeedStatus.FETCHED, 10, 3, 1, null, null, null),
        new FeedReport("https://b/", "b", FeedStatus.FAILED, 0, 0, 0, "b: host name does not resolve (DNS)", AT,
            FailureClass.DNS),
        new FeedReport("https://c/", "c", FeedStatus.NOT_MODIFIED, 0, 0, 0, null, null, null),
        new FeedReport("https://d/", "d", FeedStatus.BACKING_OFF, 0, 0, 0, null, AT, null)),
        List.of(), List.of(), List.of());

    JsonNode doc = new ObjectMapper().valueToTree(PollMetrics.document(report, 2, AT));

    JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").get(0);
    assertEquals("CapexAlerts", directive.path("Namespace").asText());
    assertEquals("Service", directive.path("Dimensions").get(0).get(0).asText());
    assertEquals("feed-poller", doc.path("Service").asText());
    assertEquals(AT.toEpochMilli(), doc.path("_aws").path("Timestamp").asLong());
    List<String> names = new ArrayList<>();
    directive.path("Metrics").forEach(m -> names.add(m.path("Name").asText()));
    for (String n : names) {
      assertEquals(true, doc.path(n).isNumber(), n + " has no value");
    }
    assertEquals(Map.of("FeedsPolled", 3, "FeedsSucceeded", 2, "FeedsFailed", 1, "FeedsStale", 2, "ItemsNew", 2),
        Map.of("FeedsPolled", doc.path("FeedsPolled").asInt(), "FeedsSucceeded", doc.path("FeedsSucceeded").asInt(),
            "FeedsFailed", doc.path("FeedsFailed").asInt(), "FeedsStale", doc.path("FeedsStale").asInt(),
            "ItemsNew", doc.path("ItemsNew").asInt()));

    Map<String, Object> failure = FeedPollerHandler.feedFailure(report.feeds().get(1));
    assertEquals(List.of("WARN", "https://b/", "failed", "dns"), List.of(failure.get("level"), failure.get("feed"),
        failure.get("status"), failure.get("error_class")));
  }
}
