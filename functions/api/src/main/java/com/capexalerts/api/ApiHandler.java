package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.aws.dynamo.DynamoAnnouncementHistory;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.lambda.LogFields;
import com.capexalerts.core.poll.FeedCatalog;
import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.aws.sns.SnsSubscriptions;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.subscription.SubscriptionService;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryLog;
import com.capexalerts.core.webhook.DeliverySettings;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The HTTP API (API Gateway HTTP API, payload format 2.0) in one function. Public: GET /announcements,
 * GET /announcements/{event_key}, GET /feed.atom. Management (IAM-authorised): /webhooks and /subscriptions.
 * {@code bin/capex-alerts serve} runs this same handler locally.
 *
 * <p>Every error is {@code {"error":{"field":…,"reason":…}}} with 400 (bad input), 403, 404 (no such route or
 * resource), 405 (known path, other method; Allow header), 413 (body over {@value #MAX_BODY_BYTES} bytes), 415, 501
 * (a part not configured here) or 500.
 */
public final class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, AutoCloseable {
  public static final int MAX_BODY_BYTES = 16 * 1024;

  /** Test sends are neither deduplicated nor recorded: the delivery log is for real alerts only. */
  private static final DeliveryLog NOT_RECORDED = new DeliveryLog() {
    @Override
    public boolean alreadyDelivered(String webhookId, EventKey eventKey) {
      return false;
    }

    @Override
    public void releaseClaim(String webhookId, EventKey eventKey) {}

    @Override
    public void recordDelivered(String webhookId, EventKey eventKey, String deliveryId, Instant at) {}

    @Override
    public void recordAttempt(DeliveryAttempt attempt) {}
  };

  private final Router router;
  private final WebhookDeliverer testDeliverer;
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  /** Used by Lambda: the tables and topic named by the environment, clients created once per environment. */
  public ApiHandler() {
    this(Cloud.builder());
  }

  private ApiHandler(Builder b) {
    Clock clock = b.clock;
    AnnouncementRoutes announcements = new AnnouncementRoutes(b.history, clock);
    List<Router.Route> routes = new ArrayList<>(List.of(
        new Router.Route("GET", "/announcements", false, announcements::list),
        new Router.Route("GET", "/announcements/{event_key}", false, announcements::get),
        new Router.Route("GET", "/feed.atom", false, announcements::feed)));

    if (b.webhooks != null) {
      // One attempt: the caller waits for the answer, and API Gateway ends requests after 30 s.
      testDeliverer = WebhookDeliverer.builder(b.endpointPolicy, NOT_RECORDED)
          .settings(DeliverySettings.defaults().withMaxAttempts(1)).clock(clock).build();
      WebhookRoutes w = new WebhookRoutes(b.webhooks, b.endpointPolicy, testDeliverer, clock);
      routes.addAll(List.of(
          new Router.Route("POST", "/webhooks", true, w::create),
          new Router.Route("GET", "/webhooks", true, w::list),
          new Router.Route("GET", "/webhooks/{id}", true, w::get),
          new Router.Route("DELETE", "/webhooks/{id}", true, w::delete),
          new Router.Route("POST", "/webhooks/{id}/test", true, w::test),
          new Router.Route("PATCH", "/webhooks/{id}", true, w::patch),
          new Router.Route("POST", "/webhooks/{id}/rotate-secret", true, w::rotateSecret)));
    } else {
      testDeliverer = null;
      routes.addAll(unavailable(List.of("POST /webhooks", "GET /webhooks", "GET /webhooks/{id}",
          "DELETE /webhooks/{id}", "POST /webhooks/{id}/test", "PATCH /webhooks/{id}",
          "POST /webhooks/{id}/rotate-secret"), b.webhooksUnavailable));
    }
    if (b.subscriptions != null) {
      SubscriptionRoutes s = new SubscriptionRoutes(b.subscriptions);
      routes.addAll(List.of(
          new Router.Route("POST", "/subscriptions", true, s::create),
          new Router.Route("GET", "/subscriptions", true, s::list),
          new Router.Route("DELETE", "/subscriptions/{id}", true, s::delete)));
    } else {
      routes.addAll(unavailable(List.of("POST /subscriptions", "GET /subscriptions", "DELETE /subscriptions/{id}"),
          b.subscriptionsUnavailable));
    }
    if (b.feeds != null) {
      FeedRoutes f = new FeedRoutes(b.feeds, clock);
      routes.addAll(List.of(
          new Router.Route("GET", "/feeds", true, f::list),
          new Router.Route("POST", "/feeds", true, f::create),
          new Router.Route("GET", "/feeds/{id}", true, f::get),
          new Router.Route("PATCH", "/feeds/{id}", true, f::patch),
          new Router.Route("DELETE", "/feeds/{id}", true, f::delete),
          new Router.Route("POST", "/feeds/{id}/reset", true, f::reset),
          new Router.Route("GET", "/feeds.opml", true, f::exportOpml),
          new Router.Route("POST", "/feeds.opml", true, f::importOpml)));
    } else {
      routes.addAll(unavailable(List.of("GET /feeds", "POST /feeds", "GET /feeds/{id}", "PATCH /feeds/{id}",
          "DELETE /feeds/{id}", "POST /feeds/{id}/reset", "GET /feeds.opml", "POST /feeds.opml"), b.feedsUnavailable));
    }
    this.router = new Router(routes, b.requireIamForManagement);
  }

  /** Routes that exist in the API but not in this process: 501 with why. */
  private static List<Router.Route> unavailable(List<String> routeKeys, String reason) {
    return routeKeys.stream().map(k -> {
      String[] parts = k.split(" ", 2);
      return new Router.Route(parts[0], parts[1], true, (request, params) -> {
        throw new ApiException(501, null, reason);
      });
    }).toList();
  }

  /** One request line per call; every line carries the invocation's request id and cold start (Powertools). */
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event, context));
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    long start = System.nanoTime();
    String method = null;
    String path = null;
    APIGatewayV2HTTPResponse response;
    try {
      if (event == null) {
        throw ApiException.badRequest(null, "no request");
      }
      ApiRequest request = ApiRequest.of(event);
      method = request.method();
      path = request.rawPath();
      if (request.body().length > MAX_BODY_BYTES) {
        throw new ApiException(413, "body", "the body has " + request.body().length + " bytes; at most "
            + MAX_BODY_BYTES + " are accepted");
      }
      response = router.dispatch(request);
    } catch (ApiException e) {
      response = ApiResponses.error(e);
    } catch (RuntimeException e) {
      String requestId = context == null ? "?" : context.getAwsRequestId();
      // The exception goes in as the line's "error" (name, message, stack).
      LOG.error("request failed unexpectedly", LogFields.of("method", method, "path", path, e));
      response = ApiResponses.error(500, null, "internal error (request " + requestId + "); see the function log",
          java.util.Map.of());
    }
    int status = response.getStatusCode();
    // 4xx is the caller's mistake (WARN, for a spike of them); 5xx is ours.
    Level level = status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO;
    LOG.atLevel(level).log("request served", LogFields.of("method", method, "path", path,
        "route", method == null ? null : router.routeKey(method, path), "http_status", status,
        "duration_ms", (System.nanoTime() - start) / 1_000_000));
    return response;
  }


  /** "GET /announcements" and so on: the public routes, or the management routes. */
  List<String> routeKeys(boolean management) {
    return router.routes().stream().filter(r -> r.management() == management)
        .map(r -> r.method() + " " + r.pattern()).toList();
  }

  /** Stops the test deliverer's HTTP client. */
  @Override
  public void close() {
    if (testDeliverer != null) {
      testDeliverer.close();
    }
  }

  /** A handler over {@code history}; management routes answer 501 until their parts are given. */
  public static Builder builder(AnnouncementHistory history) {
    return new Builder(history);
  }

  /** What the API runs on. */
  public static final class Builder {
    private final AnnouncementHistory history;
    private WebhookRegistry webhooks;
    private EndpointPolicy endpointPolicy;
    private String webhooksUnavailable = "webhooks are not configured in this deployment";
    private SubscriptionService subscriptions;
    private String subscriptionsUnavailable = "subscriptions are not configured in this deployment";
    private FeedCatalog feeds;
    private String feedsUnavailable = "the feed list is not configured in this deployment";
    private boolean requireIamForManagement = true;
    private Clock clock = Clock.systemUTC();

    private Builder(AnnouncementHistory history) {
      this.history = Objects.requireNonNull(history, "history");
    }

    /** Serves /webhooks from {@code registry}; URLs must pass {@code policy} (deployed: https to public hosts). */
    public Builder webhooks(WebhookRegistry registry, EndpointPolicy policy) {
      this.webhooks = Objects.requireNonNull(registry, "registry");
      this.endpointPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** /webhooks answers 501 with this reason. */
    public Builder webhooksUnavailable(String reason) {
      this.webhooks = null;
      this.webhooksUnavailable = Objects.requireNonNull(reason, "reason");
      return this;
    }

    public Builder subscriptions(SubscriptionService service) {
      this.subscriptions = Objects.requireNonNull(service, "service");
      return this;
    }

    /** Serves /feeds and /feeds.opml from the feed list. */
    public Builder feeds(FeedCatalog catalog) {
      this.feeds = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** /subscriptions answers 501 with this reason. */
    public Builder subscriptionsUnavailable(String reason) {
      this.subscriptions = null;
      this.subscriptionsUnavailable = Objects.requireNonNull(reason, "reason");
      return this;
    }

    /**
     * True (the default) in Lambda: management routes refuse requests that API Gateway did not authorise with IAM.
     * False for the local server, which listens on loopback only.
     */
    public Builder requireIamForManagement(boolean require) {
      this.requireIamForManagement = require;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ApiHandler build() {
      return new ApiHandler(this);
    }
  }

  /** The AWS side, initialised on first use by the Lambda constructor only (tests never touch it). */
  private static final class Cloud {
    // Created during init, so SnapStart snapshots them and warm invocations reuse their connections.
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    static final SnsClient SNS = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    static Builder builder() {
      return ApiHandler.builder(new DynamoAnnouncementHistory(DYNAMO, env("ANNOUNCEMENTS_TABLE")))
          .subscriptions(new SnsSubscriptions(SNS, env("TOPIC_ARN"), env("SUBSCRIPTIONS_DLQ_ARN")))
          .feeds(new FeedCatalog(new DynamoFeedStateStore(DYNAMO, env("FEEDS_TABLE")), false))
          // An unreadable stored webhook: an ERROR line in the function's log.
          .webhooks(new DynamoWebhookRegistry(DYNAMO, env("WEBHOOKS_TABLE"),
              w -> LOG.error("webhook registration unreadable", LogFields.of("detail", w))),
              EndpointPolicy.deployed())
          .requireIamForManagement(true);
    }

    static String env(String name) {
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException("ApiHandler needs the environment variable " + name
            + " (template.yaml sets it)");
      }
      return value.strip();
    }
  }
}
