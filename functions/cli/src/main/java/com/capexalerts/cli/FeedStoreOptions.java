package com.capexalerts.cli;

import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.cli.state.FileStores;
import com.capexalerts.core.poll.FeedStateStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Where `status` and `feeds` find the feeds table: the embedded state, or the table of an endpoint or of AWS. */
final class FeedStoreOptions {
  @Option(names = "--state", paramLabel = "DIR", defaultValue = "./.capex-state",
      description = "folder of the embedded state (default: ${DEFAULT-VALUE})")
  Path state;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "the feeds table of this DynamoDB endpoint (moto server, LocalStack); default: $AWS_ENDPOINT_URL")
  URI endpoint;

  @Option(names = "--aws", description = "the feeds table in real AWS (default credentials and region)")
  boolean aws;

  @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = "capex-alerts",
      description = "with --endpoint or --aws and no FEEDS_TABLE variable: table PREFIX-feeds (default: ${DEFAULT-VALUE})")
  String tablePrefix;

  /** Whether the store is the embedded one (local files may be listed there). */
  boolean embedded(Map<String, String> env) {
    return endpoint() == null && !aws;
  }

  private URI endpoint() {
    if (endpoint == null && System.getenv("AWS_ENDPOINT_URL") != null && !System.getenv("AWS_ENDPOINT_URL").isBlank()) {
      endpoint = URI.create(System.getenv("AWS_ENDPOINT_URL").strip());
    }
    return endpoint;
  }

  FeedStateStore open(Map<String, String> env) {
    if (embedded(env)) {
      return FileStores.open(state).feedStates();
    }
    var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    if (endpoint() != null) {
      builder.endpointOverride(endpoint());
    }
    String table = env.get(TableNames.FEEDS_VAR) != null && !env.get(TableNames.FEEDS_VAR).isBlank()
        ? env.get(TableNames.FEEDS_VAR).strip() : TableNames.withPrefix(tablePrefix).feeds();
    return new DynamoFeedStateStore(builder.build(), table);
  }

  String describe(Map<String, String> env) {
    return embedded(env) ? "embedded state " + state.toAbsolutePath()
        : (endpoint() != null ? endpoint().toString() : "AWS") + " table "
            + (env.get(TableNames.FEEDS_VAR) != null ? env.get(TableNames.FEEDS_VAR) : tablePrefix + "-feeds");
  }
}
