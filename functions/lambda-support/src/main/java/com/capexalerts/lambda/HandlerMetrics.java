package com.capexalerts.lambda;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The functions' CloudWatch metrics through Powertools metrics: one Embedded Metric Format document per call, in
 * namespace {@value #NAMESPACE} with the one dimension {@code Service} (the template's alarms select exactly that),
 * written to stdout, where CloudWatch Logs turns it into metrics: no PutMetricData call, no permission.
 */
public final class HandlerMetrics {
  public static final String NAMESPACE = "CapexAlerts";
  public static final String SERVICE_DIMENSION = "Service";

  private static final Metrics METRICS = MetricsBuilder.builder()
      .withNamespace(NAMESPACE)
      .withMetricsProvider(() -> new EmfMetricsLogger(new StdoutOnly(), new MetricsContext()))
      .build();

  private HandlerMetrics() {}

  /**
   * One EMF document with {@code counts} (name to count, unit Count) for {@code service}. Each call builds its own
   * document, so two handlers in one JVM (the integration tests, the simulation) keep their own Service dimension.
   */
  public static void counts(String service, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    METRICS.flushMetrics(m -> {
      m.setDefaultDimensions(DimensionSet.of(SERVICE_DIMENSION, service));
      counts.forEach((name, value) -> m.addMetric(name, value, MetricUnit.COUNT));
    });
  }

  /**
   * Lambda's stdout is these functions' only metrics sink. The EMF library's own discovery would, outside Lambda
   * (tests, the scale simulation, benchmarks), probe the EC2 and ECS metadata addresses and then fall back to a
   * CloudWatch agent on TCP; this always takes the Lambda environment (its console sink, plus the function's version
   * and log stream as document properties when set).
   */
  private static final class StdoutOnly extends EnvironmentProvider {
    private static final Environment LAMBDA = new LambdaEnvironment();

    @Override
    public CompletableFuture<Environment> resolveEnvironment() {
      return CompletableFuture.completedFuture(LAMBDA);
    }
  }
}
