package com.capexalerts.cli;

import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.core.ledger.LedgerFile;
import com.capexalerts.core.poll.FindingOutcome;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.DynamoSeenItemStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.sns.OutboxAlertPublisher;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.cli.state.FileAnnouncementStore;
import com.capexalerts.cli.state.FileStores;
import com.capexalerts.core.alert.AlertPublisher;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.alert.Notifier;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedList;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedStateStore;
import com.capexalerts.core.poll.ItemError;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.SeenItemStore;
import com.capexalerts.poller.PollerSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one poll end to end through the same poller and notifier code as the Lambda functions: fetch the"
          + " feeds, detect, store each event once, publish each new event's alert once.",
      "stdout: one JSON line per alert published {\"event_key\",\"company\",\"kind\",\"amount\",\"currency\","
          + "\"amount_usd\",\"period\",\"title\",\"link\",\"published\"}; logs and a summary go to stderr.",
      "Default storage is embedded: JSON files under --state, so a second run remembers feeds, items and events;"
          + " notifications then go to <state>/outbox.jsonl as the exact SNS Publish requests.",
      "With --endpoint URL (or AWS_ENDPOINT_URL) the DynamoDB tables and SNS topic of that endpoint are used"
          + " (moto server, LocalStack); with --aws, real AWS with the default credentials.",
      "With embedded state each published alert is also delivered to the webhooks registered in"
          + " <state>/webhooks.json (https, or http to 127.0.0.1/localhost), one line per webhook on stderr.",
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin DetectorOptions detectorOptions;

  @Option(names = "--feed", paramLabel = "URL_OR_FILE",
      description = "a feed URL, file, or folder of feed files (*.xml, *.rss, *.atom); repeatable."
          + " Default: the bundled list of real public feeds")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--feeds", paramLabel = "FILE",
      description = "a feed list: one URL or path per line (# comments), or a JSON list [{\"url\",\"name\"}]")
  Path feedsFile;

  @Option(names = "--state", paramLabel = "DIR", defaultValue = "./.capex-state",
      description = "folder of the embedded state and the outbox (default: ${DEFAULT-VALUE})")
  Path state;

  @Option(names = "--threshold-usd", paramLabel = "N", description = "global minimum in USD (default 1000000000)")
  BigDecimal thresholdUsd;

  @Option(names = "--company-thresholds", paramLabel = "LIST",
      description = "per-company minimums in USD, e.g. Nvidia=5000000000,Apple=2000000000")
  String companyThresholds;

  @Option(names = "--max-age", paramLabel = "DURATION|none",
      description = "items published longer ago are recorded but never alerted: P14D, 14d, 36h or none (default 14d)")
  String maxAge;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "AWS endpoint of DynamoDB and SNS (moto server, LocalStack); default: $AWS_ENDPOINT_URL")
  URI endpoint;

  @Option(names = "--aws", description = "use real AWS (default credentials and region) for tables and topic")
  boolean aws;

  @Option(names = "--create", description = "with --endpoint or --aws: create the tables and topic if missing")
  boolean create;

  @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = "capex-alerts",
      description = "with --endpoint or --aws and no *_TABLE variables: tables PREFIX-announcements, PREFIX-feeds,"
          + " PREFIX-seen-items, PREFIX-announcements-ledger (default: ${DEFAULT-VALUE})")
  String tablePrefix;

  @Option(names = "--topic-arn", paramLabel = "ARN",
      description = "with --endpoint or --aws: the SNS topic (default: $TOPIC_ARN, or topic capex-alerts with --create)")
  String topicArn;

  @Option(names = "--ledger-seed", paramLabel = "bundled|none|FILE", defaultValue = "bundled",
      description = "the known commitments a state whose ledger was never initialised starts from: the bundled"
          + " public record 2023-2026 (default), none (a replay of past news alerts as it happened), or a JSON Lines"
          + " file as `ledger export` writes. Ignored once the ledger is initialised")
  String ledgerSeed;

  @Option(names = "--explain", description = "print on stderr, per finding, the threshold and ledger decision")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = System.getenv();
    PollerSettings settings = settings(env);
    List<Feed> feedList = feedList(settings);
    Clock clock = Clock.systemUTC();

    Backend backend = endpointOrAws(env) ? remote(env, err) : embedded(clock);
    LedgerFile.Seed seed = LedgerFile.seed(ledgerSeed, bad -> err.println("capex-alerts run: ledger seed: " + bad));
    Poller poller = Poller.builder()
        .config(settings.config())
        .fetcher(new StandardFeedFetcher(settings.fetch()))
        .feedStates(backend.feedStates)
        .seenItems(backend.seenItems)
        .announcements(backend.announcements)
        .ledger(backend.ledger)
        .ledgerSeed(seed.name(), seed.entries())
        .findings(detectorOptions.detector()::detect)
        .clock(clock)
        .build();

    err.printf("capex-alerts run: polling %d feed(s) into %s%n", feedList.size(), backend.description);
    PollReport report = poller.poll(feedList);
    for (FeedReport f : report.feeds()) {
      err.printf("  %-16s %s  items=%d new=%d too-old=%d%s%n", f.status().wireName(), f.url(), f.items(),
          f.newItems(), f.tooOld(), f.error() == null ? "" : "  error: " + f.error());
    }
    if (explain) {
      for (FindingOutcome o : report.decisions()) {
        err.printf("  explain %s %s %s %s: %s%n", o.itemId(), o.kind().name().toLowerCase(Locale.ROOT),
            o.company(), o.amountUsd().toPlainString(), o.decision());
      }
    }
    for (ItemError e : report.itemErrors()) {
      err.println("  item error: " + e.feedUrl() + " " + (e.itemId() == null ? "" : e.itemId() + ": ") + e.message());
    }

    // New events first, then any earlier ones whose alert never went out (a previous run that died midway).
    Map<EventKey, Announcement> pending = new LinkedHashMap<>();
    report.newEvents().forEach(a -> pending.put(a.key(), a));
    backend.unpublished().forEach(k -> pending.putIfAbsent(k, null));

    Notifier notifier = new Notifier(backend.announcements, backend.publisher, clock, Duration.ofMinutes(2));
    // Embedded state: this run also delivers to the webhooks registered there; in AWS the dispatcher function does.
    LocalWebhooks webhooks = backend.outbox == null ? null : LocalWebhooks.open(state, clock, err);
    if (webhooks != null) {
      webhooks.expect(pending.keySet());
    }
    String claimant = FileAnnouncementStore.localClaimant();
    int published = 0;
    int failed = 0;
    Set<EventKey> deliveredNow = new HashSet<>();
    for (EventKey key : pending.keySet()) {
      Notifier.Outcome outcome = notifier.notify(key, claimant);
      switch (outcome.status()) {
        case PUBLISHED, PUBLISHED_UNRECORDED -> {
          Announcement a = pending.get(key) != null ? pending.get(key) : backend.announcements.get(key).orElseThrow();
          out.println(Json.MAPPER.writeValueAsString(alertLine(a)));
          out.flush();
          published++;
          if (webhooks != null) {
            webhooks.deliver(a);
            deliveredNow.add(key);
          }
          if (outcome.status() == Notifier.Status.PUBLISHED_UNRECORDED) {
            err.println("  warning: " + key + " published but not recorded: " + outcome.detail());
          }
        }
        case FAILED, HELD_BY_OTHER -> {
          failed++;
          err.println("  alert not sent yet for " + key + " (kept for the next run): " + outcome.detail());
        }
        case ALREADY_PUBLISHED, MISSING -> { }
      }
    }
    if (webhooks != null) {
      Set<EventKey> unpublished = Set.copyOf(backend.unpublished());
      webhooks.retryPending(deliveredNow,
          key -> unpublished.contains(key) ? Optional.empty() : backend.announcements.get(key),
          key -> backend.announcements.get(key).isPresent());
    }
    err.printf("capex-alerts run: %d feed(s), %d new event(s), %d source(s) added to known events, %d alert(s)"
            + " published%s%s%n",
        report.feeds().size(), report.newEvents().size(), report.sourcesAdded().size(), published,
        failed == 0 ? "" : ", " + failed + " alert(s) to retry",
        backend.outbox == null ? "" : "; outbox: " + backend.outbox);
    if (webhooks != null) {
      webhooks.close();
      if (!webhooks.summary().isEmpty()) {
        err.println("capex-alerts run: " + webhooks.summary());
      }
    }
    return failed == 0 ? 0 : 1;
  }

  static ObjectNode alertLine(Announcement a) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("event_key", a.key().value());
    n.put("company", a.company());
    n.put("kind", a.kind().wireName());
    n.put("amount", a.amount().value());
    n.put("currency", a.amount().currency());
    n.put("amount_text", a.amount().text());
    n.put("amount_usd", a.amountUsd());
    n.put("period", a.period());
    n.put("title", a.title());
    n.put("link", a.link());
    n.put("published", a.published().toString());
    if (a.updates() != null) {
      n.put("updates", a.updates().value());
    }
    return n;
  }

  private PollerSettings settings(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    for (String k : List.of("FEEDS", "THRESHOLD_USD", "COMPANY_THRESHOLDS", "MAX_AGE", "DEDUPE_TOLERANCE",
        "DEDUPE_WINDOW", "FETCH_CONCURRENCY", "POLL_INTERVAL", "FEED_ADDRESSES")) {
      if (env.get(k) != null) {
        merged.put(k, env.get(k));
      }
    }
    // Local runs read fixtures and feeds served on this machine; the deployed poller keeps to public addresses.
    merged.putIfAbsent("FEED_ADDRESSES", "public-or-loopback");
    if (thresholdUsd != null) {
      if (thresholdUsd.signum() < 0) {
        throw new ParameterException(spec.commandLine(), "--threshold-usd must not be negative: " + thresholdUsd);
      }
      if (thresholdUsd.compareTo(Thresholds.MAX_MINIMUM_USD) > 0) {
        throw new ParameterException(spec.commandLine(),
            "--threshold-usd must be at most 1e15 (a thousand trillion dollars), got " + thresholdUsd);
      }
      merged.put("THRESHOLD_USD", thresholdUsd.toPlainString());
    }
    if (companyThresholds != null) {
      merged.put("COMPANY_THRESHOLDS", companyThresholds);
    }
    if (maxAge != null) {
      merged.put("MAX_AGE", isoDuration(maxAge));
    }
    try {
      return PollerSettings.fromEnv(merged);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Accepts P14D / PT36H as well as the shorter 14d, 36h, 90m; "none" passes through. */
  private String isoDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("none") || t.startsWith("p")) {
      return text.strip();
    }
    var m = java.util.regex.Pattern.compile("(\\d+)\\s*([dhm])").matcher(t);
    if (!m.matches()) {
      throw new ParameterException(spec.commandLine(),
          "--max-age: expected a duration like P14D, 14d, 36h, 90m or none, got '" + text + "'");
    }
    return switch (m.group(2)) {
      case "d" -> "P" + m.group(1) + "D";
      case "h" -> "PT" + m.group(1) + "H";
      default -> "PT" + m.group(1) + "M";
    };
  }

  private List<Feed> feedList(PollerSettings settings) {
    Set<Feed> result = new LinkedHashSet<>();
    if (feedsFile != null) {
      try {
        result.addAll(FeedList.parse(Files.readString(feedsFile)));
      } catch (IOException e) {
        throw new UnreadableInputException("cannot read --feeds " + feedsFile + ": " + DetectCommand.describe(e), e);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--feeds " + feedsFile + ": " + e.getMessage());
      }
    }
    for (String f : feeds) {
      result.addAll(expand(f));
    }
    return result.isEmpty() ? settings.feeds() : List.copyOf(result);
  }

  /** A folder stands for its feed files, in name order; anything else is one feed. */
  private List<Feed> expand(String location) {
    String scheme = StandardFeedFetcher.unsupportedScheme(location);
    if (scheme != null) {
      throw new ParameterException(spec.commandLine(), "--feed " + location + ": unsupported URL scheme \"" + scheme
          + "\" (use http, https, a file or a folder)");
    }
    Path p = location.contains("://") ? null : Path.of(location);
    if (p != null && Files.isDirectory(p)) {
      try (Stream<Path> files = Files.list(p)) {
        List<Feed> found = files
            .filter(x -> x.getFileName().toString().matches("(?i).+\\.(xml|rss|atom)"))
            .sorted()
            .map(x -> new Feed(x.toAbsolutePath().normalize().toString(), x.getFileName().toString()))
            .toList();
        if (found.isEmpty()) {
          throw new ParameterException(spec.commandLine(), "--feed " + location + ": no *.xml, *.rss or *.atom files");
        }
        return found;
      } catch (IOException e) {
        throw new UnreadableInputException("cannot list --feed " + location + ": " + DetectCommand.describe(e), e);
      }
    }
    if (p != null && !Files.exists(p) && !location.startsWith("file:")) {
      throw new ParameterException(spec.commandLine(), "--feed " + location + ": no such file or folder");
    }
    String url = p != null ? p.toAbsolutePath().normalize().toString() : location;
    return List.of(new Feed(url, p != null ? p.getFileName().toString() : location));
  }

  private boolean endpointOrAws(Map<String, String> env) {
    if (endpoint == null && env.get("AWS_ENDPOINT_URL") != null && !env.get("AWS_ENDPOINT_URL").isBlank()) {
      endpoint = URI.create(env.get("AWS_ENDPOINT_URL").strip());
    }
    return endpoint != null || aws;
  }

  /** Where the run keeps its state and sends its alerts. */
  private record Backend(AnnouncementStore announcements, FeedStateStore feedStates, SeenItemStore seenItems,
      CommitmentLedger ledger, AlertPublisher publisher, java.util.function.Supplier<List<EventKey>> pendingLookup, Path outbox,
      String description) {
    List<EventKey> unpublished() {
      return pendingLookup.get();
    }
  }

  private Backend embedded(Clock clock) {
    FileStores stores = FileStores.open(state, clock);
    Path outbox = state.resolve("outbox.jsonl").toAbsolutePath();
    return new Backend(stores.announcements(), stores.feedStates(), stores.seenItems(), stores.ledger(),
        new OutboxAlertPublisher(outbox, "arn:aws:sns:local:000000000000:capex-alerts"),
        stores.announcements()::unpublished, outbox, "embedded state " + state.toAbsolutePath());
  }

  private Backend remote(Map<String, String> env, PrintWriter err) {
    var dynamoBuilder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    var snsBuilder = SnsClient.builder().httpClient(UrlConnectionHttpClient.create());
    if (endpoint != null) {
      dynamoBuilder.endpointOverride(endpoint);
      snsBuilder.endpointOverride(endpoint);
    }
    DynamoDbClient dynamo = dynamoBuilder.build();
    SnsClient sns = snsBuilder.build();
    TableNames tables = env.get(TableNames.ANNOUNCEMENTS_VAR) != null
        ? TableNames.fromEnv(env) : TableNames.withPrefix(tablePrefix);
    if (create) {
      Tables.createIfMissing(dynamo, tables);
    }
    String topic = topicArn != null ? topicArn : env.get("TOPIC_ARN");
    if (topic == null && create) {
      topic = sns.createTopic(b -> b.name("capex-alerts")).topicArn();
    }
    if (topic == null) {
      throw new ParameterException(spec.commandLine(),
          "no SNS topic: pass --topic-arn ARN, set TOPIC_ARN, or add --create to create topic capex-alerts");
    }
    String table = tables.announcements();
    // Events whose alert never went out. A scan is fine for a local stack; the Lambda relies on the stream instead.
    java.util.function.Supplier<List<EventKey>> unpublished = () -> dynamo.scanPaginator(b -> b.tableName(table)
            .filterExpression("attribute_not_exists(notified_at)")
            .projectionExpression("event_key"))
        .items().stream()
        .map(item -> item.get("event_key"))
        .map(AttributeValue::s)
        .sorted()
        .map(EventKey::new)
        .toList();
    return new Backend(new DynamoAnnouncementStore(dynamo, table), new DynamoFeedStateStore(dynamo, tables.feeds()),
        new DynamoSeenItemStore(dynamo, tables.seenItems(), Clock.systemUTC()),
        new DynamoCommitmentLedger(dynamo, tables.ledger()), new SnsAlertPublisher(sns, topic),
        unpublished, null, (endpoint != null ? endpoint.toString() : "AWS") + " tables " + tables + ", topic " + topic);
  }


}
