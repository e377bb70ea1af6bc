package com.capexalerts.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.fetch.FailureClass;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.PollReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollMetricsTest {
  static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void aPollIsCountedForTheMetricsAndEachFailedFeedDescribed() {
    PollReport report = new PollReport(AT, AT, List.of(
        new FeedReport("https://a/", "a", FeedStatus.FETCHED, 10, 3, 1, null, null, null),
        new FeedReport("https://b/", "b", FeedStatus.FAILED, 0, 0, 0, "b: host name does not resolve (DNS)", AT,
            FailureClass.DNS),
        new FeedReport("https://c/", "c", FeedStatus.NOT_MODIFIED, 0, 0, 0, null, null, null),
        new FeedReport("https://d/", "d", FeedStatus.BACKING_OFF, 0, 0, 0, null, AT, null)),
        List.of(), List.of(), List.of());

    Map<String, Long> counts = PollMetrics.counts(report, 2);

    // The names the template's alarms read, among the rest, in a stable order.
    assertEquals(List.of("FeedsPolled", "FeedsSucceeded", "FeedsFailed", "FeedsStale", "FeedsBackingOff",
        "ItemsNew", "EventsNew", "SourcesAdded", "ItemErrors"), new ArrayList<>(counts.keySet()));
    assertEquals(Map.of("FeedsPolled", 3L, "FeedsSucceeded", 2L, "FeedsFailed", 1L, "FeedsStale", 2L, "ItemsNew", 2L),
        Map.of("FeedsPolled", counts.get("FeedsPolled"), "FeedsSucceeded", counts.get("FeedsSucceeded"),
            "FeedsFailed", counts.get("FeedsFailed"), "FeedsStale", counts.get("FeedsStale"),
            "ItemsNew", counts.get("ItemsNew")));

    Map<String, Object> failure = FeedPollerHandler.feedFailure(report.feeds().get(1));
    assertEquals(List.of("https://b/", "failed", "dns", "b: host name does not resolve (DNS)"),
        List.of(failure.get("feed"), failure.get("status"), failure.get("error_class"), failure.get("error_detail")));
  }
}
