package com.capexalerts.cli;

import com.capexalerts.api.ApiHandler;
import com.capexalerts.aws.sns.SnsSubscriptions;
import com.capexalerts.cli.state.FileAnnouncementHistory;
import com.capexalerts.cli.state.FileWebhookRegistry;
import com.capexalerts.core.webhook.EndpointPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API on 127.0.0.1 through the same handler as the Lambda function, over the embedded state"
          + " that `run` writes: GET /announcements, GET /announcements/{event_key}, GET /feed.atom,"
          + " /webhooks and /subscriptions.",
      "Management routes need no signature here (loopback only). Webhook URLs follow the local policy: https, or"
          + " http to loopback. /subscriptions needs an SNS endpoint (--endpoint, e.g. moto server or LocalStack);"
          + " without one it answers 501.",
      "Runs until interrupted (Ctrl-C).",
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--state", paramLabel = "DIR", defaultValue = "./.capex-state",
      description = "folder of the embedded state written by `run` (default: ${DEFAULT-VALUE})")
  Path state;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "SNS endpoint for /subscriptions (moto server, LocalStack); default: $AWS_ENDPOINT_URL")
  URI endpoint;

  @Option(names = "--topic-arn", paramLabel = "ARN",
      description = "with --endpoint: the alert topic (default: $TOPIC_ARN, or topic capex-alerts with --create)")
  String topicArn;

  @Option(names = "--subscriptions-dlq-arn", paramLabel = "ARN",
      description = "with --endpoint: dead-letter queue of the subscriptions made here, also their mark (default:"
          + " SUBSCRIPTIONS_DLQ_ARN, else queue capex-alerts-subscriptions-dlq of the topic's account)")
  String subscriptionsDlqArn;

  @Option(names = "--create", description = "with --endpoint: create topic capex-alerts if no topic is given")
  boolean create;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535: " + port);
    }
    ApiHandler.Builder api = ApiHandler.builder(new FileAnnouncementHistory(state))
        .requireIamForManagement(false)
        // The registry `run` delivers from: a webhook registered here gets the next run's alerts.
        .webhooks(new FileWebhookRegistry(state, err::println), EndpointPolicy.local());
    // The feed list `run` polls; local files may be listed here.
    api.feeds(new com.capexalerts.core.poll.FeedCatalog(
        com.capexalerts.cli.state.FileStores.open(state).feedStates(), true));
    String snsDescription = configureSubscriptions(api);
    // The handler's request lines (as the function logs them) on the console, next to the server's own messages.
    try (ConsoleLogLines lines = ConsoleLogLines.of(ApiHandler.class.getPackageName(), err);
        ApiHandler handler = api.build(); LocalApiServer server = LocalApiServer.start(handler, port, err)) {
      err.printf("capex-alerts serve: http://127.0.0.1:%d/ (state %s; %s). Ctrl-C stops.%n", server.port(),
          state.toAbsolutePath(), snsDescription);
      err.flush();
      server.awaitStop();
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
    err.println("capex-alerts serve: stopped");
    return 0;
  }

  private String configureSubscriptions(ApiHandler.Builder api) {
    URI sns = endpoint;
    if (sns == null && System.getenv("AWS_ENDPOINT_URL") != null && !System.getenv("AWS_ENDPOINT_URL").isBlank()) {
      sns = URI.create(System.getenv("AWS_ENDPOINT_URL").strip());
    }
    if (sns == null) {
      api.subscriptionsUnavailable("SNS subscriptions need an SNS endpoint: start serve with --endpoint URL (moto"
          + " server or LocalStack) and --topic-arn ARN or --create");
      return "subscriptions off: no --endpoint";
    }
    SnsClient client = SnsClient.builder().endpointOverride(sns).httpClient(UrlConnectionHttpClient.create()).build();
    String topic = topicArn != null ? topicArn : System.getenv("TOPIC_ARN");
    if (topic == null && create) {
      topic = client.createTopic(b -> b.name("capex-alerts")).topicArn();
    }
    if (topic == null) {
      throw new ParameterException(spec.commandLine(),
          "--endpoint needs the alert topic: pass --topic-arn ARN, set TOPIC_ARN, or add --create");
    }
    try {
      api.subscriptions(new SnsSubscriptions(client, topic, subscriptionsDeadLetterQueue(topic)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--topic-arn: " + e.getMessage());
    }
    return "subscriptions on " + topic + " at " + sns;
  }

  private String subscriptionsDeadLetterQueue(String topic) {
    if (subscriptionsDlqArn != null) {
      return subscriptionsDlqArn;
    }
    String fromEnv = System.getenv("SUBSCRIPTIONS_DLQ_ARN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    String[] parts = topic.split(":"); // arn:partition:sns:region:account:name
    if (parts.length < 6) {
      throw new IllegalArgumentException("not a topic ARN: " + topic);
    }
    return String.join(":", parts[0], parts[1], "sqs", parts[3], parts[4], "capex-alerts-subscriptions-dlq");
  }
}
