package com.capexalerts.poller;

import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.log.MetricDocument;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One poll's CloudWatch metrics as an Embedded Metric Format document (namespace CapexAlerts, dimension
 * Service=feed-poller): CloudWatch Logs turns the log line into metrics, no PutMetricData call and no permission.
 * The template's alarms read FeedsFailed / FeedsPolled and FeedsSucceeded.
 */
final class PollMetrics {
  static final String NAMESPACE = MetricDocument.NAMESPACE;
  static final String SERVICE = "feed-poller";

  private PollMetrics() {}

  static Map<String, Object> document(PollReport report, long staleFeeds, Instant at) {
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

    return MetricDocument.counts(SERVICE, values, at);
  }
}
