package com.capexalerts.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** Serves fixture feeds on 127.0.0.1 (a free port) and counts what the poller asked for. */
public final class FixtureServer implements AutoCloseable {
  /** What one path answers. */
  @FunctionalInterface
  public interface Route {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, String> lastIfNoneMatch = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);

  private FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public static FixtureServer start() {
    try {
      return new FixtureServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void on(String path, Route route) {
    server.createContext(path, exchange -> {
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
      if (inm != null) {
        lastIfNoneMatch.put(path, inm);
      }
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        route.answer(exchange);
      } finally {
        inFlight.decrementAndGet();
        exchange.close();
      }
    });
  }

  /** 200 with an ETag; 304 when the request carries that ETag. */
  public void feedWithEtag(String path, String etag, byte[] body) {
    on(path, ex -> {
      ex.getResponseHeaders().add("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      send(ex, 200, body);
    });
  }

  public void feed(String path, byte[] body) {
    on(path, ex -> send(ex, 200, body));
  }

  public void slowFeed(String path, long delayMillis, byte[] body) {
    on(path, ex -> {
      sleep(delayMillis);
      send(ex, 200, body);
    });
  }

  public void gzipFeed(String path, byte[] body) {
    on(path, ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      send(ex, 200, gzip(body));
    });
  }

  public void status(String path, int status, String retryAfter) {
    on(path, ex -> {
      if (retryAfter != null) {
        ex.getResponseHeaders().add("Retry-After", retryAfter);
      }
      send(ex, status, "no".getBytes());
    });
  }

  /** Never answers until the server closes. */
  public void hanging(String path) {
    on(path, ex -> {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  public int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  public String lastIfNoneMatch(String path) {
    return lastIfNoneMatch.get(path);
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }

  public static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
