package com.capexalerts.jars;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Lambda's Runtime API on 127.0.0.1, for one runtime process: {@code /next} hands out the queued
 * invocations (and holds the call while there is none, as Lambda does between invocations), the response and error
 * routes collect what the function answered, and when.
 */
final class RuntimeApi implements AutoCloseable {
  private static final String BASE = "/2018-06-01/runtime/";

  /** What the runtime reported: a handler result, an invocation error, or an init error. */
  record Result(Kind kind, String requestId, String body, long atNanos) {
    enum Kind { RESPONSE, ERROR, INIT_ERROR }
  }

  private record Invocation(String requestId, String event, String functionArn, long deadlineMillis) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final BlockingQueue<Result> results = new LinkedBlockingQueue<>();

  private RuntimeApi(HttpServer server) {
    this.server = server;
  }

  static RuntimeApi start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      RuntimeApi api = new RuntimeApi(server);
      server.createContext(BASE, api::exchange);
      server.setExecutor(api.threads);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Runtime API stand-in", e);
    }
  }

  /** host:port, as Lambda passes it in AWS_LAMBDA_RUNTIME_API. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues one invocation of {@code event}; returns its request id. */
  String invoke(String event, String functionArn, Duration timeout) {
    String id = UUID.randomUUID().toString();
    pending.add(new Invocation(id, event, functionArn, System.currentTimeMillis() + timeout.toMillis()));
    return id;
  }

  /** The next result, or null when none came within {@code wait}. */
  Result await(Duration wait) throws InterruptedException {
    return results.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().substring(BASE.length());
      byte[] body = ex.getRequestBody().readAllBytes();
      long at = System.nanoTime();
      if (path.equals("invocation/next")) {
        next(ex);
      } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
        results.add(new Result(Result.Kind.RESPONSE, between(path), text(body), at));
        ex.sendResponseHeaders(202, -1);
      } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
        results.add(new Result(Result.Kind.ERROR, between(path), text(body), at));
        ex.sendResponseHeaders(202, -1);
      } else if (path.equals("init/error")) {
        results.add(new Result(Result.Kind.INIT_ERROR, null, text(body), at));
        ex.sendResponseHeaders(202, -1);
      } else {
        ex.sendResponseHeaders(404, -1);
      }
    }
  }

  private void next(HttpExchange ex) throws IOException {
    Invocation next;
    try {
      next = pending.poll(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      next = null;
    }
    if (next == null) {
      ex.sendResponseHeaders(500, -1);
      return;
    }
    byte[] event = next.event().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
    ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
    ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", next.functionArn());
    ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
        "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
            + next.requestId().replace("-", "").substring(0, 24) + ";Parent=0000000000000001;Sampled=0");
    ex.sendResponseHeaders(200, event.length);
    ex.getResponseBody().write(event);
  }

  private static String between(String path) {
    return path.substring("invocation/".length(), path.lastIndexOf('/'));
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
