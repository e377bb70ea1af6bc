package com.capexalerts.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts one moto server per test JVM on a free loopback port and stops it when the JVM exits.
 *
 * <p>Where it comes from, in order: {@code MOTO_ENDPOINT} (an already running server), {@code moto_server} on PATH,
 * {@code python3 -m moto.server}, then a virtualenv under {@code target/moto-venv} with {@code moto[server]}
 * installed by pip. When none works the test fails under {@code CI=true} and is skipped with the reason otherwise:
 * it never passes silently.
 */
public final class MotoServer {
  private static LocalAws instance;
  private static String unavailable;
  private static DynamoDbClient dynamo;

  private MotoServer() {}

  /** The shared moto endpoint, started on first use. */
  public static synchronized LocalAws get() {
    if (instance == null && unavailable == null) {
      try {
        instance = start();
      } catch (Exception e) {
        unavailable = e.getMessage();
      }
    }
    if (instance == null) {
      String why = "moto server is not available: " + unavailable
          + ". Install it with: pip install 'moto[server]' (or set MOTO_ENDPOINT).";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why);
    }
    return instance;
  }

  /** One DynamoDB client on the shared server for every test of the JVM: SDK clients are thread-safe. */
  public static synchronized DynamoDbClient dynamo() {
    if (dynamo == null) {
      dynamo = get().dynamo();
    }
    return dynamo;
  }

  /** Forgets every resource in the server (tables, topics, queues), for tests that need a clean slate. */
  public static void reset() {
    post(get().endpoint().resolve("/moto-api/reset"));
  }

  private static LocalAws start() throws IOException, InterruptedException {
    String external = System.getenv("MOTO_ENDPOINT");
    if (external != null && !external.isBlank()) {
      URI uri = URI.create(external);
      awaitUp(uri, Duration.ofSeconds(10), null);
      return new LocalAws("moto", uri);
    }
    int port = freePort();
    List<String> errors = new ArrayList<>();
    for (List<String> command : candidates(port)) {
      Process process;
      try {
        Path log = Files.createTempFile("moto-" + port + "-", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        errors.add(String.join(" ", command) + ": " + e.getMessage());
        continue;
      }
      URI uri = URI.create("http://127.0.0.1:" + port);
      if (awaitUp(uri, Duration.ofSeconds(60), process)) {
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new LocalAws("moto", uri);
      }
      process.destroyForcibly();
      errors.add(String.join(" ", command) + ": exited or did not answer");
    }
    Path venv = installIntoVirtualenv(errors);
    if (venv != null) {
      List<String> command = List.of(venv.resolve("bin/moto_server").toString(), "-H", "127.0.0.1", "-p", "" + port);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      URI uri = URI.create("http://127.0.0.1:" + port);
      if (awaitUp(uri, Duration.ofSeconds(60), process)) {
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new LocalAws("moto", uri);
      }
      process.destroyForcibly();
      errors.add("virtualenv moto_server did not start");
    }
    throw new IOException(String.join("; ", errors));
  }

  private static List<List<String>> candidates(int port) {
    String p = Integer.toString(port);
    return List.of(
        List.of("moto_server", "-H", "127.0.0.1", "-p", p),
        List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", p));
  }

  private static Path installIntoVirtualenv(List<String> errors) {
    Path venv = Path.of("target", "moto-venv").toAbsolutePath();
    try {
      if (!Files.isExecutable(venv.resolve("bin/moto_server"))) {
        run(List.of("python3", "-m", "venv", venv.toString()));
        run(List.of(venv.resolve("bin/pip").toString(), "install", "--quiet", "moto[server]"));
      }
      return Files.isExecutable(venv.resolve("bin/moto_server")) ? venv : null;
    } catch (IOException | InterruptedException e) {
      errors.add("pip install moto[server] into " + venv + ": " + e.getMessage());
      return null;
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
  }

  private static boolean awaitUp(URI uri, Duration timeout, Process process) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        return false;
      }
      try {
        HttpURLConnection c = (HttpURLConnection) uri.resolve("/moto-api/").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() < 500) {
          return true;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static void post(URI uri) {
    try {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.getOutputStream().close();
      if (c.getResponseCode() >= 300) {
        throw new IllegalStateException("POST " + uri + " answered " + c.getResponseCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("POST " + uri + " failed", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
