package com.capexalerts.bench;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.poller.FeedPollerHandler;
import java.lang.management.ManagementFactory;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of the poller's Lambda jar: a fresh JVM on {@code feed-poller-*-lambda.jar} builds the handler the way
 * Lambda does (no-argument constructor, configuration from the environment) and polls once. Prints the JVM uptime at
 * the first poll result. Run by bin/measure-cold-start against moto server; {@code setup} creates the tables first,
 * in its own JVM, so that work is not counted.
 */
public final class PollerColdStart {
  private PollerColdStart() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("setup")) {
      try (DynamoDbClient dynamo = DynamoDbClient.create()) {
        Tables.createIfMissing(dynamo, TableNames.fromEnv(System.getenv()));
      }
      return;
    }
    FeedPollerHandler handler = new FeedPollerHandler();
    long init = ManagementFactory.getRuntimeMXBean().getUptime();
    Map<String, Object> result = handler.handleRequest(new ScheduledEvent(), null);
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    // Without SnapStart the whole figure is the cold start; with it, the init part is restored from the snapshot.
    System.out.println("cold start: JVM start to first poll result " + uptime + " ms (init phase " + init
        + " ms, first poll " + (uptime - init) + " ms); result " + result);
  }
}
