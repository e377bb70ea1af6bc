package com.capexalerts.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * A webhook receiver on 127.0.0.1 (a free port) for delivery tests: checks each request's signature with the verifier
 * the test gives (the documented one), records what arrived, and answers per path as the test scripted: a status, or
 * hanging until the receiver closes.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** Checks a signed request: the X-Capex-Timestamp and X-Capex-Signature headers over the raw body. */
  @FunctionalInterface
  public interface Verifier {
    boolean verify(String timestamp, String signature, byte[] rawBody) throws Exception;
  }

  /** One request as received. */
  public record Post(String path, Headers headers, byte[] body, long atNanos, boolean verified, int answered) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The status for the n-th request (1-based) on a path; 0 means hang until the receiver closes. */
  @FunctionalInterface
  public interface Script {
    int status(int n);
  }

  public static final int HANG = 0;

  private final Verifier verifier;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<Post> posts = new CopyOnWriteArrayList<>();

  public WebhookReceiver(Verifier verifier) {
    this.verifier = verifier;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Scripts the answers on {@code path}; unscripted paths answer 200. */
  public void on(String path, Script script) {
    scripts.put(path, script);
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Post> posts(String path) {
    return posts.stream().filter(p -> p.path().equals(path)).toList();
  }

  public List<Post> posts() {
    return List.copyOf(posts);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      Headers headers = exchange.getRequestHeaders();
      boolean verified;
      try {
        verified = verifier.verify(headers.getFirst("X-Capex-Timestamp"), headers.getFirst("X-Capex-Signature"), body);
      } catch (Exception e) {
        verified = false;
      }
      int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      int status = scripts.getOrDefault(path, k -> 200).status(n);
      posts.add(new Post(path, headers, body, at, verified, status));
      if (status == HANG) {
        release.await(30, TimeUnit.SECONDS);
        return;
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
