package com.capexalerts.core.log;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one log line that CloudWatch Logs turns into Count metrics in namespace
 * {@value #NAMESPACE} with the one dimension {@code Service}, so no PutMetricData call and no permission is needed.
 * Write it with {@link JsonLog#raw}.
 */
public final class MetricDocument {
  public static final String NAMESPACE = "CapexAlerts";

  private MetricDocument() {}

  /** The document for {@code values} (name to count, in that order) of {@code service} at {@code at}. */
  public static Map<String, Object> counts(String service, Map<String, Long> values, Instant at) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("_aws", Map.of(
        "Timestamp", at.toEpochMilli(),
        "CloudWatchMetrics", List.of(Map.of(
            "Namespace", NAMESPACE,
            "Dimensions", List.of(List.of("Service")),
            "Metrics", values.keySet().stream().map(n -> Map.of("Name", n, "Unit", "Count")).toList()))));
    doc.put("Service", service);
    doc.putAll(values);
    return doc;
  }
}
