package com.capexalerts.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for {@code serve}: one request per connection, everything it says itself
 * in the API's JSON error shape. It exists because the JDK's server answers an unparsable URL escape with its own
 * HTML page, waits without limit for a declared body that never comes, and answers {@code 100 Continue} to a body it
 * will refuse. Here the request line is passed on raw (the handler names a bad escape), the request must arrive
 * within a read timeout (else 408), and a body declared over the cap is refused (413) without being read.
 */
final class LoopbackHttpServer implements AutoCloseable {
  static final int MAX_HEADER_BYTES = 32 * 1024;
  private static final int LINGER_MILLIS = 1_000;
  private static final long LINGER_MAX_BYTES = 1L << 20;

  /** One request as received: path and query raw, header names lower-case. */
  record Request(String method, String rawPath, String rawQuery, String protocol, Map<String, List<String>> headers,
      byte[] body, String remoteAddress) {}

  record Response(int status, Map<String, List<String>> headers, byte[] body) {}

  interface Handler {
    Response handle(Request request);
  }

  /** Our own error, in the API's shape. */
  private static final class Refused extends Exception {
    final int status;

    Refused(int status, String reason) {
      super(reason);
      this.status = status;
    }
  }

  private final ServerSocket socket;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Handler handler;
  private final int maxBodyBytes;
  private final Duration readTimeout;

  private LoopbackHttpServer(ServerSocket socket, Handler handler, int maxBodyBytes, Duration readTimeout) {
    this.socket = socket;
    this.handler = handler;
    this.maxBodyBytes = maxBodyBytes;
    this.readTimeout = readTimeout;
  }

  /**
   * @param maxBodyBytes larger declared bodies get 413 unread; the handler still sees bodies up to this size
   * @param readTimeout  the whole request (line, headers, body) must arrive within this, else 408
   */
  static LoopbackHttpServer start(int port, Handler handler, int maxBodyBytes, Duration readTimeout)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    LoopbackHttpServer server = new LoopbackHttpServer(socket, handler, maxBodyBytes, readTimeout);
    server.executor.submit(server::acceptLoop);
    return server;
  }

  int port() {
    return socket.getLocalPort();
  }

  private Void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        executor.submit(() -> serve(client));
      } catch (IOException closed) {
        return null;
      }
    }
    return null;
  }

  private Void serve(Socket client) {
    try (client) {
      long deadline = System.nanoTime() + readTimeout.toNanos();
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      Response response;
      try {
        Request request = read(client, in, out, deadline);
        try {
          response = handler.handle(request);
        } catch (RuntimeException e) {
          response = error(500, "the local server failed: " + e.getClass().getSimpleName());
        }
        if (request.method().equals("HEAD")) {
          response = new Response(response.status(), response.headers(), new byte[0]);
        }
      } catch (Refused r) {
        response = error(r.status, r.getMessage());
      } catch (SocketTimeoutException e) {
        response = error(408, "the request did not arrive within " + readTimeout.toSeconds() + " s");
      }
      write(out, response);
      lingeringClose(client, in);
    } catch (IOException | RuntimeException e) {
      // the client went away, or the handler failed after the response could be written; nothing to answer
    }
    return null;
  }

  private Request read(Socket client, InputStream in, OutputStream out, long deadline)
      throws IOException, Refused {
    String requestLine = line(client, in, deadline);
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new Refused(400, "not an HTTP/1.1 request line");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int headerBytes = 0;
    for (String h; !(h = line(client, in, deadline)).isEmpty(); ) {
      headerBytes += h.length() + 2;
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new Refused(431, "request headers over " + MAX_HEADER_BYTES + " bytes");
      }
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new Refused(400, "malformed header line");
      }
      headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
          .add(h.substring(colon + 1).strip());
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new Refused(411, "send the body with a Content-Length (chunked bodies are not accepted)");
    }
    long length = 0;
    if (headers.containsKey("content-length")) {
      try {
        length = Long.parseLong(headers.get("content-length").getFirst());
      } catch (NumberFormatException e) {
        throw new Refused(400, "Content-Length is not a number");
      }
      if (length < 0) {
        throw new Refused(400, "Content-Length is negative");
      }
    }
    if (length > maxBodyBytes) {
      throw new Refused(413, "the body has " + length + " bytes; at most " + maxBodyBytes + " are accepted");
    }
    if (length > 0 && headers.getOrDefault("expect", List.of()).stream()
        .anyMatch(v -> v.equalsIgnoreCase("100-continue"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body = new byte[(int) length];
    for (int off = 0; off < body.length; ) {
      setTimeout(client, deadline);
      int n = in.read(body, off, body.length - off);
      if (n < 0) {
        throw new Refused(400, "the body ended after " + off + " of " + length + " bytes");
      }
      off += n;
    }
    String target = parts[1];
    int q = target.indexOf('?');
    return new Request(parts[0].toUpperCase(Locale.ROOT), q < 0 ? target : target.substring(0, q),
        q < 0 ? null : target.substring(q + 1), parts[2], headers, body,
        client.getInetAddress().getHostAddress());
  }

  /** One CRLF- (or LF-) terminated line, bounded in length and by the deadline. */
  private static String line(Socket client, InputStream in, long deadline) throws IOException, Refused {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      setTimeout(client, deadline);
      int c = in.read();
      if (c < 0) {
        throw new Refused(400, "the request ended early");
      }
      if (c == '\n') {
        String s = bytes.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      if (bytes.size() >= MAX_HEADER_BYTES) {
        throw new Refused(431, "request line or header over " + MAX_HEADER_BYTES + " bytes");
      }
      bytes.write(c);
    }
  }

  /**
   * Closing a socket with unread bytes (the body of a refused request) resets the connection, and the reset can
   * reach the client before it has read our answer. So: end our side, then drain what the client still sends,
   * bounded in bytes and time.
   */
  private static void lingeringClose(Socket client, InputStream in) {
    try {
      client.shutdownOutput();
      client.setSoTimeout(LINGER_MILLIS);
      byte[] sink = new byte[8192];
      long drained = 0;
      for (int n; drained < LINGER_MAX_BYTES && (n = in.read(sink)) >= 0; ) {
        drained += n;
      }
    } catch (IOException e) {
      // the client closed or went quiet: nothing more to wait for
    }
  }

  private static void setTimeout(Socket client, long deadline) throws IOException {
    long remaining = (deadline - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) {
      throw new SocketTimeoutException("deadline");
    }
    client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
  }

  static Response error(int status, String reason) {
    String json = "{\"error\":{\"field\":null,\"reason\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}}";
    return new Response(status, Map.of("Content-Type", List.of("application/json")),
        json.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(OutputStream out, Response r) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reasonPhrase(r.status()))
        .append("\r\n");
    r.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("connection")) {
        values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
      }
    });
    boolean noBody = r.status() == 204 || r.status() == 304;
    if (!noBody) {
      head.append("Content-Length: ").append(r.body().length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!noBody) {
      out.write(r.body());
    }
    out.flush();
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      default -> "Status";
    };
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    executor.shutdownNow();
  }
}
