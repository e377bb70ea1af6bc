package com.capexalerts.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.capexalerts.api.ApiHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Serves an {@link ApiHandler} over HTTP on 127.0.0.1: each request becomes the API Gateway HTTP API (payload 2.0)
 * event Lambda would get, and the handler's response is written back. The HTTP side ({@link LoopbackHttpServer})
 * answers its own errors in the API's JSON shape: 408 when a request does not arrive within {@link #READ_TIMEOUT},
 * 413 for a body declared over the handler's limit (not read, no {@code 100 Continue}).
 */
final class LocalApiServer implements AutoCloseable {
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ApiHandler handler;
  private final Context context;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private LoopbackHttpServer server;

  private LocalApiServer(ApiHandler handler, Context context) {
    this.handler = handler;
    this.context = context;
  }

  /** Listens on 127.0.0.1:{@code port} ({@code 0}: any free port); request lines go to {@code log}. */
  static LocalApiServer start(ApiHandler handler, int port, PrintWriter log) throws IOException {
    return start(handler, port, log, READ_TIMEOUT);
  }

  static LocalApiServer start(ApiHandler handler, int port, PrintWriter log, Duration readTimeout)
      throws IOException {
    LocalApiServer local = new LocalApiServer(handler, new LocalContext(log));
    local.server = LoopbackHttpServer.start(port, local::exchange, ApiHandler.MAX_BODY_BYTES, readTimeout);
    return local;
  }

  int port() {
    return server.port();
  }

  /** Blocks until {@link #close()} or until the calling thread is interrupted. */
  void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    server.close();
    stopped.countDown();
  }

  private LoopbackHttpServer.Response exchange(LoopbackHttpServer.Request request) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event(request), context);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    }
    byte[] body = response.getBody() == null ? new byte[0]
        : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
        : response.getBody().getBytes(StandardCharsets.UTF_8);
    return new LoopbackHttpServer.Response(response.getStatusCode(), headers, body);
  }

  private APIGatewayV2HTTPEvent event(LoopbackHttpServer.Request request) {
    String rawPath = request.rawPath();
    String rawQuery = request.rawQuery();
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    headers.put("x-forwarded-proto", "http");
    Instant now = Instant.now();
    byte[] body = request.body();

    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(request.method());
    http.setPath(rawPath);
    http.setProtocol(request.protocol());
    http.setSourceIp(request.remoteAddress());
    http.setUserAgent(headers.get("user-agent"));
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setDomainName("127.0.0.1:" + port());
    context.setDomainPrefix("127");
    context.setStage("$default");
    context.setRouteKey("$default");
    context.setRequestId(UUID.randomUUID().toString());
    context.setTime(REQUEST_TIME.format(now));
    context.setTimeEpoch(now.toEpochMilli());

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("$default");
    event.setRawPath(rawPath);
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setQueryStringParameters(query(rawQuery));
    event.setHeaders(headers);
    event.setRequestContext(context);
    if (body.length > 0) {
      // Byte-exact, whatever the content type: the handler decodes it as it does API Gateway's binary bodies.
      event.setBody(Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(true);
    }
    return event;
  }

  /** As API Gateway gives them: decoded, repeated names joined with commas; null when there are none. */
  static Map<String, String> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.merge(name, value, (a, b) -> a + "," + b);
    }
    return params.isEmpty() ? null : params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s; // passed on as written; the handler's checks name the parameter
    }
  }

  /** The Lambda context the handler logs through: lines go to the serve command's stderr. */
  private static final class LocalContext implements Context {
    private final PrintWriter log;

    LocalContext(PrintWriter log) {
      this.log = log;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          log(message, LogLevel.INFO);
        }

        @Override
        public void log(byte[] message) {
          log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
          synchronized (log) {
            log.println("  " + level + " " + message);
            log.flush();
          }
        }
      };
    }

    @Override
    public String getAwsRequestId() {
      return "local";
    }

    @Override
    public String getLogGroupName() {
      return "local";
    }

    @Override
    public String getLogStreamName() {
      return "local";
    }

    @Override
    public String getFunctionName() {
      return "capex-alerts-serve";
    }

    @Override
    public String getFunctionVersion() {
      return "local";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:local:000000000000:function:capex-alerts-serve";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }
  }
}
