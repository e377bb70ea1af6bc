package com.capexalerts.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardFeedFetcherTest {
  private static final byte[] RSS = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
      .getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, String> lastRequestHeaders = new ConcurrentHashMap<>();
  private StandardFeedFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/feed", ex -> {
      ex.getRequestHeaders().forEach((k, v) -> lastRequestHeaders.put(k.toLowerCase(), v.getFirst()));
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.getResponseHeaders().add("ETag", "\"v1\"");
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.getResponseHeaders().add("Last-Modified", "Mon, 24 Feb 2025 09:00:00 GMT");
      send(ex, 200, RSS);
    });
    server.createContext("/gzip", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      send(ex, 200, gzip(RSS));
    });
    server.createContext("/big", ex -> send(ex, 200, new byte[2048]));
    server.createContext("/big-chunked", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 64; i++) {
          out.write(new byte[512]);
        }
      } catch (IOException clientGaveUp) {
        // expected: the fetcher stops reading past the cap
      }
    });
    server.createContext("/gzip-bomb", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      send(ex, 200, gzip(new byte[1_000_000]));
    });
    server.createContext("/no-headers", ex -> {
      await();
      send(ex, 200, RSS);
    });
    server.createContext("/stalled-body", ex -> {
      ex.sendResponseHeaders(200, RSS.length);
      OutputStream out = ex.getResponseBody();
      out.write(RSS, 0, 10);
      out.flush();
      await();
      ex.close();
    });
    server.createContext("/throttled", ex -> {
      ex.getResponseHeaders().add("Retry-After", "120");
      send(ex, 429, new byte[0]);
    });
    server.createContext("/unavailable", ex -> {
      ex.getResponseHeaders().add("Retry-After", "Mon, 24 Feb 2025 10:30:00 GMT");
      send(ex, 503, "down".getBytes(StandardCharsets.UTF_8));
    });
    server.createContext("/broken", ex -> {
      ex.getResponseHeaders().add("Retry-After", "120");
      send(ex, 500, "oops".getBytes(StandardCharsets.UTF_8));
    });
    server.createContext("/to-metadata", ex -> {
      ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      send(ex, 302, new byte[0]);
    });
    server.createContext("/to-private", ex -> {
      ex.getResponseHeaders().add("Location", "http://10.20.30.40/feed");
      send(ex, 301, new byte[0]);
    });
    server.createContext("/moved", ex -> {
      ex.getResponseHeaders().add("Location", "/feed");
      send(ex, 301, new byte[0]);
    });
    server.start();
    fetcher = new StandardFeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofMillis(700), 1024,
        "AICapexAlerts/test"));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void fetchesWithValidatorsAndIdentifiesItself() {
    FetchResult.Fetched r = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(url("/feed"), null, null));

    assertArrayEquals(RSS, r.body());
    assertEquals("\"v1\"", r.etag());
    assertEquals("Mon, 24 Feb 2025 09:00:00 GMT", r.lastModified());
    assertEquals("AICapexAlerts/test", lastRequestHeaders.get("user-agent"));
    assertEquals("gzip", lastRequestHeaders.get("accept-encoding"));
    assertNull(lastRequestHeaders.get("if-none-match"));
  }

  @Test
  void conditionalGetGivesNotModified() {
    FetchResult r = fetcher.fetch(url("/feed"), "\"v1\"", "Mon, 24 Feb 2025 09:00:00 GMT");

    assertEquals(new FetchResult.NotModified("\"v1\"", null), r);
    assertEquals("Mon, 24 Feb 2025 09:00:00 GMT", lastRequestHeaders.get("if-modified-since"));
  }

  @Test
  void followsRedirects() {
    assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(url("/moved"), null, null));
  }

  @Test
  void redirectsToPrivateOrLinkLocalAddressesAreRefusedBeforeConnecting() {
    for (String path : new String[] {"/to-metadata", "/to-private"}) {
      FetchResult.Failed r = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(url(path), null, null), path);
      assertTrue(r.message().contains("redirect to ") && r.message().contains("refused"), r.message());
    }
    FetchResult.Failed metadata = (FetchResult.Failed) fetcher.fetch(url("/to-metadata"), null, null);
    assertTrue(metadata.message().contains("169.254.169.254 (link-local"), metadata.message());
  }

  @Test
  void theDeployedRuleRefusesLoopbackTooButLocalRunsReadTheirFixtures() {
    StandardFeedFetcher deployed = new StandardFeedFetcher(new FetchSettings(Duration.ofSeconds(2),
        Duration.ofMillis(700), 1024, "AICapexAlerts/test", FetchSettings.Addresses.PUBLIC));
    FetchResult.Failed r = assertInstanceOf(FetchResult.Failed.class, deployed.fetch(url("/feed"), null, null));
    assertTrue(r.message().contains("127.0.0.1 (loopback"), r.message());
    assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(url("/feed"), null, null));
  }

  @Test
  void decodesGzip() {
    FetchResult.Fetched r = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(url("/gzip"), null, null));
    assertArrayEquals(RSS, r.body());
  }

  @Test
  void stopsReadingBeyondTheCap() {
    for (String path : new String[] {"/big", "/big-chunked", "/gzip-bomb"}) {
      FetchResult.Failed r = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(url(path), null, null), path);
      assertTrue(r.message().contains("larger than 1024 bytes"), path + ": " + r.message());
    }
  }

  @Test
  void aServerThatNeverAnswersOrStallsTimesOut() {
    for (String path : new String[] {"/no-headers", "/stalled-body"}) {
      long start = System.nanoTime();
      FetchResult.Failed r = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(url(path), null, null), path);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(0, r.status());
      assertTrue(r.message().contains(path) && r.message().contains("time"), r.message());
      assertTrue(millis < 3000, path + " took " + millis + " ms");
    }
  }

  @Test
  void throttlingAnswersCarryRetryAfterOthersDoNot() {
    assertEquals(new FetchResult.Failed(429, url("/throttled") + ": HTTP 429", "120"),
        fetcher.fetch(url("/throttled"), null, null));
    assertEquals(new FetchResult.Failed(503, url("/unavailable") + ": HTTP 503", "Mon, 24 Feb 2025 10:30:00 GMT"),
        fetcher.fetch(url("/unavailable"), null, null));
    assertEquals(new FetchResult.Failed(500, url("/broken") + ": HTTP 500", null),
        fetcher.fetch(url("/broken"), null, null));
  }

  @Test
  void refusedConnectionsAndBadUrlsFailWithAReason() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    FetchResult.Failed refused = assertInstanceOf(FetchResult.Failed.class,
        fetcher.fetch("http://127.0.0.1:" + closedPort + "/feed", null, null));
    assertTrue(refused.message().contains("refused"), refused.message());

    FetchResult.Failed bad = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch("https://exa mple.com/",
        null, null));
    assertTrue(bad.message().contains("not a valid URL"), bad.message());
  }

  @Test
  void filesAndFileUrlsWithModificationTimeAsValidator(@TempDir Path dir) throws IOException {
    Path feed = Files.write(dir.resolve("alibaba.xml"), RSS);

    FetchResult.Fetched byPath = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(feed.toString(), null,
        null));
    assertArrayEquals(RSS, byPath.body());
    assertEquals(new FetchResult.NotModified(byPath.etag(), null),
        fetcher.fetch(feed.toUri().toString(), byPath.etag(), null));

    Files.write(feed, "<rss version=\"2.0\"><channel><title>changed</title></channel></rss>".getBytes(
        StandardCharsets.UTF_8));
    assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(feed.toString(), byPath.etag(), null));

    FetchResult.Failed missing = assertInstanceOf(FetchResult.Failed.class,
        fetcher.fetch(dir.resolve("missing.xml").toString(), null, null));
    assertTrue(missing.message().endsWith("no such file"), missing.message());
    Files.write(dir.resolve("big.xml"), new byte[4096]);
    assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(dir.resolve("big.xml").toString(), null, null));
  }

  private void await() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
