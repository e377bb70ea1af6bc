package com.capexalerts.poller;

import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.PollReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One poll's CloudWatch metrics (namespace CapexAlerts, dimension Service=feed-poller), written as one Embedded
 * Metric Format document by {@link com.capexalerts.lambda.HandlerMetrics}. The template's alarms read
 * FeedsFailed / FeedsPolled and FeedsSucceeded.
 */
final class PollMetrics {
  static final String SERVICE = "feed-poller";

  private PollMetrics() {}

  /** Metric name to count, in this order. */
  static Map<String, Long> counts(PollReport report, long staleFeeds) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("FeedsPolled", report.attemptedFeeds());
    values.put("FeedsSucceeded", report.count(FeedStatus.FETCHED) + report.count(FeedStatus.NOT_MODIFIED));
    values.put("FeedsFailed", report.failedFeeds());
    values.put("FeedsStale", staleFeeds);
    values.put("FeedsBackingOff", report.count(FeedStatus.BACKING_OFF));
    values.put("ItemsNew", (long) report.feeds().stream().mapToInt(f -> f.newItems() - f.tooOld()).sum());
    values.put("EventsNew", (long) report.newEvents().size());
    values.put("SourcesAdded", (long) report.sourcesAdded().size());
    values.put("ItemErrors", (long) report.itemErrors().size());
    return values;
  }
}
