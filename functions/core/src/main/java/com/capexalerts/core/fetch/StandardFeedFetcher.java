package com.capexalerts.core.fetch;

import com.capexalerts.core.webhook.EndpointPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;

/**
 * Fetches feeds over HTTP(S) with {@link HttpClient} (conditional GET, gzip, timeouts, size cap) and from local files
 * ({@code file:} URLs or plain paths, for local runs), through the one {@link FeedFetcher} port.
 */
public final class StandardFeedFetcher implements FeedFetcher {
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

  private final FetchSettings settings;
  private final HttpClient http;

  public StandardFeedFetcher(FetchSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        // Followed here, hop by hop, so every target passes the address rules (an open redirect to 169.254.169.254
        // must not reach the metadata service from the deployed poller).
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public FetchResult fetch(String location, String etag, String lastModified) {
    return fetch(location, etag, lastModified, new Duration[1]);
  }

  /** {@link #fetch} with the server's Cache-Control max-age, for adaptive polling. */
  public FreshFor fetchFresh(String location, String etag, String lastModified) {
    Duration[] maxAge = new Duration[1];
    FetchResult result = fetch(location, etag, lastModified, maxAge);
    return new FreshFor(result, maxAge[0]);
  }

  /** @param maxAge receives the final response's Cache-Control max-age, if it had one */
  private FetchResult fetch(String location, String etag, String lastModified, Duration[] maxAge) {
    String lower = location.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return fetchHttp(location.strip(), etag, lastModified, maxAge);
    }
    String scheme = unsupportedScheme(location);
    if (scheme != null) {
      return new FetchResult.Failed(0, location.strip() + ": unsupported URL scheme \"" + scheme
          + "\" (feeds are fetched over http or https, or read from files)", null);
    }
    return fetchFile(location.strip(), etag);
  }

  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*",
      java.util.regex.Pattern.DOTALL);

  /** The scheme of a URL this fetcher cannot read (ftp://, gopher://), or null for http(s), file: and plain paths. */
  public static String unsupportedScheme(String location) {
    var m = SCHEME.matcher(location.strip());
    if (!m.matches()) {
      return null;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("file") ? null : scheme;
  }

  private FetchResult fetchHttp(String url, String etag, String lastModified, Duration[] maxAge) {
    URI uri;
    try {
      uri = new URI(url);
      if (uri.getHost() == null) {
        return new FetchResult.Failed(0, url + ": not a valid URL (no host)", null, FailureClass.OTHER);
      }
    } catch (URISyntaxException e) {
      return new FetchResult.Failed(0, url + ": not a valid URL: " + e.getMessage(), null);
    }
    long deadline = System.nanoTime() + settings.readTimeout().toNanos();
    for (int hop = 0; ; hop++) {
      String refused = refusedAddress(uri);
      if (refused != null) {
        return new FetchResult.Failed(0, url + ": " + (hop == 0 ? "" : "redirect to " + uri.getHost() + " refused: ")
            + refused, null);
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return timedOut(url);
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .GET()
          .timeout(Duration.ofNanos(remaining))
          .header("User-Agent", settings.userAgent())
          .header("Accept", ACCEPT)
          .header("Accept-Encoding", "gzip");
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info ->
          info.statusCode() / 100 == 2
              ? new CappedBody(settings.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1))
              : BodySubscribers.replacing(new byte[0]));
      HttpResponse<byte[]> response;
      try {
        // One deadline for headers and body over every hop: a server that trickles bytes cannot hold the poll.
        response = exchange.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        exchange.cancel(true);
        return timedOut(url);
      } catch (InterruptedException e) {
        exchange.cancel(true);
        Thread.currentThread().interrupt();
        return new FetchResult.Failed(0, url + ": interrupted", null);
      } catch (ExecutionException e) {
        return new FetchResult.Failed(0, url + ": " + describe(e.getCause()), null, classify(e.getCause()));
      }
      int status = response.statusCode();
      var location = response.headers().firstValue("Location");
      if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
          && location.isPresent()) {
        if (hop >= FetchSettings.MAX_REDIRECTS) {
          return new FetchResult.Failed(status, url + ": more than " + FetchSettings.MAX_REDIRECTS + " redirects",
              null);
        }
        try {
          uri = uri.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
          return new FetchResult.Failed(status, url + ": unreadable redirect location", null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
          return new FetchResult.Failed(status, url + ": redirect to a non-http(s) URL refused", null);
        }
        continue;
      }
      maxAge[0] = FreshFor.maxAge(response.headers());
      return toResult(url, response);
    }
  }

  private FetchResult.Failed timedOut(String url) {
    return new FetchResult.Failed(0, url + ": timed out, no complete response within "
        + settings.readTimeout().toMillis() + " ms", null, FailureClass.TIMEOUT);
  }

  /** Why the URL's host may not be fetched under the address rules (checked on every address DNS gives), or null. */
  private String refusedAddress(URI uri) {
    List<InetAddress> addresses;
    try {
      addresses = List.of(InetAddress.getAllByName(uri.getHost()));
    } catch (UnknownHostException e) {
      return null; // the request itself then fails with the resolver's error
    }
    for (InetAddress address : addresses) {
      if (settings.addresses() == FetchSettings.Addresses.PUBLIC_OR_LOOPBACK && address.isLoopbackAddress()) {
        continue;
      }
      var reason = EndpointPolicy.reasonForbidden(address);
      if (reason.isPresent()) {
        return uri.getHost() + " resolves to " + address.getHostAddress() + " (" + reason.get()
            + "), which feeds may not use here";
      }
    }
    return null;
  }

  private FetchResult toResult(String url, HttpResponse<byte[]> response) {
    HttpHeaders headers = response.headers();
    String newEtag = headers.firstValue("ETag").orElse(null);
    String newLastModified = headers.firstValue("Last-Modified").orElse(null);
    int status = response.statusCode();
    if (status == 304) {
      return new FetchResult.NotModified(newEtag, newLastModified);
    }
    if (status / 100 != 2) {
      String retryAfter = status == 429 || status == 503 ? headers.firstValue("Retry-After").orElse(null) : null;
      return new FetchResult.Failed(status, url + ": HTTP " + status, retryAfter);
    }
    byte[] body = response.body();
    String encoding = headers.firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
    if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
      try {
        body = gunzip(body, settings.maxBytes());
      } catch (TooLarge e) {
        return new FetchResult.Failed(status, url + ": " + e.getMessage(), null, FailureClass.TOO_LARGE);
      } catch (IOException e) {
        return new FetchResult.Failed(status, url + ": bad gzip body: " + e.getMessage(), null, FailureClass.PARSE);
      }
    } else if (!encoding.equals("identity")) {
      return new FetchResult.Failed(status, url + ": unsupported Content-Encoding " + encoding, null,
          FailureClass.PARSE);
    }
    return new FetchResult.Fetched(body, newEtag, newLastModified);
  }

  /** Decodes gzip, stopping as soon as the decoded size passes the cap (a small bomb cannot fill memory). */
  static byte[] gunzip(byte[] compressed, long maxBytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, compressed.length * 4));
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > maxBytes) {
          throw new TooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private FetchResult fetchFile(String location, String etag) {
    Path path;
    try {
      path = location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return new FetchResult.Failed(0, location + ": not a valid file URL or path: " + e.getMessage(), null,
          FailureClass.FILE);
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return new FetchResult.Failed(0, location + ": not a regular file", null, FailureClass.FILE);
      }
      // Size and modification time act as the file's ETag, so local runs behave like conditional GET.
      String validator = "\"" + attributes.size() + "-" + attributes.lastModifiedTime().toMillis() + "\"";
      if (validator.equals(etag)) {
        return new FetchResult.NotModified(validator, null);
      }
      if (attributes.size() > settings.maxBytes()) {
        return new FetchResult.Failed(0, location + ": " + new TooLarge(settings.maxBytes()).getMessage(), null,
            FailureClass.TOO_LARGE);
      }
      return new FetchResult.Fetched(Files.readAllBytes(path), validator, null);
    } catch (java.nio.file.NoSuchFileException e) {
      return new FetchResult.Failed(0, location + ": no such file", null, FailureClass.FILE);
    } catch (IOException e) {
      return new FetchResult.Failed(0, location + ": " + describe(e), null, FailureClass.FILE);
    }
  }

  /** The class of an exchange's failure; the HTTP client wraps the telling exception, so the causes are searched. */
  static FailureClass classify(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      switch (c) {
        case TooLarge e -> { return FailureClass.TOO_LARGE; }
        case UnknownHostException e -> { return FailureClass.DNS; }
        case UnresolvedAddressException e -> { return FailureClass.DNS; }
        case SSLException e -> { return FailureClass.TLS; }
        case HttpTimeoutException e -> { return FailureClass.TIMEOUT; }
        default -> { }
      }
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ConnectException || c instanceof java.net.NoRouteToHostException) {
        return FailureClass.CONNECT;
      }
    }
    return FailureClass.OTHER;
  }

  private static String describe(Throwable t) {
    FailureClass kind = t == null ? FailureClass.OTHER : classify(t);
    if (kind == FailureClass.DNS) {
      return "host name does not resolve (DNS)";
    }
    if (kind == FailureClass.TLS && !(t instanceof TooLarge)) {
      Throwable ssl = t;
      while (ssl != null && !(ssl instanceof SSLException)) {
        ssl = ssl.getCause();
      }
      return "TLS handshake failed: " + (ssl == null || ssl.getMessage() == null ? "SSLException" : ssl.getMessage());
    }
    return switch (t) {
      case TooLarge tooLarge -> tooLarge.getMessage();
      case HttpConnectTimeoutException e -> "connect timed out";
      case HttpTimeoutException e -> "timed out waiting for the response";
      case ConnectException e -> "connection refused or unreachable";
      case null -> "unknown error";
      default -> t.getMessage() == null || t.getMessage().isBlank()
          ? t.getClass().getSimpleName()
          : t.getClass().getSimpleName() + ": " + t.getMessage();
    };
  }

  /** The body exceeded the cap; reading was stopped. */
  static final class TooLarge extends IOException {
    TooLarge(long maxBytes) {
      super("response larger than " + maxBytes + " bytes; reading stopped");
    }
  }

  /** Collects the body and cancels the download once it passes the cap (or at once when Content-Length does). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long maxBytes;
    private final long declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(long maxBytes, long declaredLength) {
      this.maxBytes = maxBytes;
      this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declaredLength > maxBytes) {
        s.cancel();
        result.completeExceptionally(new TooLarge(maxBytes));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (out.size() + (long) buffer.remaining() > maxBytes) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
