package com.capexalerts.core.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 for the delivery tests. It verifies signed requests the documented way
 * ({@link CapexWebhookVerifier}) and answers per path as the test scripted.
 */
final class TestReceiver implements AutoCloseable {
  /** One request as received. */
  record Post(String path, Headers headers, byte[] body, long atNanos, boolean signatureValid, int answered) {
    String header(String name) {
      return headers.getFirst(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The answer to a request: a status, headers and body, or hanging until the test ends. */
  record Reply(int status, Map<String, String> headers, String body, boolean hang) {
    static Reply of(int status) {
      return new Reply(status, Map.of(), "", false);
    }

    static Reply of(int status, String body) {
      return new Reply(status, Map.of(), body, false);
    }

    static Reply withHeader(int status, String name, String value) {
      return new Reply(status, Map.of(name, value), "", false);
    }

    static Reply hanging() {
      return new Reply(0, Map.of(), "", true);
    }
  }

  /** Decides the reply to the n-th request (1-based) on a path. */
  @FunctionalInterface
  interface Script {
    Reply reply(int n);
  }

  private final String secret;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<Post> posts = new CopyOnWriteArrayList<>();

  TestReceiver(String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  void on(String path, Script script) {
    scripts.put(path, script);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Post> posts(String path) {
    return posts.stream().filter(p -> p.path().equals(path)).toList();
  }

  List<Post> posts() {
    return List.copyOf(posts);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      Headers headers = exchange.getRequestHeaders();
      boolean valid = verify(headers, body);
      int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Reply reply = scripts.getOrDefault(path, k -> Reply.of(200)).reply(n);
      posts.add(new Post(path, headers, body, at, valid, reply.hang() ? 0 : reply.status()));
      if (reply.hang()) {
        release.await(30, TimeUnit.SECONDS);
        return;
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean verify(Headers headers, byte[] body) {
    try {
      return new CapexWebhookVerifier(secret).verify(headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
          headers.getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
