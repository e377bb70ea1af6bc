package com.capexalerts.jars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one function's shaded jar as Lambda's Java runtime does: a fresh JVM on the AWS runtime interface client
 * (with aws-lambda-java-core and aws-lambda-java-serialization, nothing else, on the system class path), the jar in
 * the task root's {@code lib/}, the handler named as in template.yaml, Lambda's environment variables (JSON log
 * format, INFO), and the event handed out by a local Runtime API. Measures JVM start to the first result.
 */
public final class LambdaJar {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /** One invocation's outcome: what the runtime reported, the function's stdout lines, its stderr. */
  public record Run(String function, RuntimeApi.Result result, long coldStartMillis, List<String> stdout,
      String stderr) {
    /** The handler's result, parsed; fails when the runtime reported an error instead. */
    public JsonNode response() {
      if (result.kind() != RuntimeApi.Result.Kind.RESPONSE) {
        throw new AssertionError(function + ": " + result.kind() + " " + result.body() + "\nstdout: " + stdout
            + "\nstderr: " + stderr);
      }
      try {
        return JSON.readTree(result.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every stdout line parsed; a line that is not one JSON object fails (Lambda would not read it as JSON). */
    public List<JsonNode> jsonLines() {
      List<JsonNode> out = new ArrayList<>();
      for (String line : stdout) {
        try {
          JsonNode node = JSON.readTree(line);
          if (node == null || !node.isObject()) {
            throw new AssertionError(function + ": stdout line is not a JSON object: " + line);
          }
          out.add(node);
        } catch (IOException e) {
          throw new AssertionError(function + ": stdout line is not JSON: " + line, e);
        }
      }
      return out;
    }

    public List<JsonNode> logLines() {
      return jsonLines().stream().filter(n -> !n.has("_aws")).toList();
    }

    public List<JsonNode> metricDocuments() {
      return jsonLines().stream().filter(n -> n.has("_aws")).toList();
    }
  }

  private LambdaJar() {}

  /** {@code functions/<module>/target/<module>-<version>-lambda.jar} under {@code jarsDir}'s layout, or a flat dir. */
  public static Path jar(Path jarsDir, String module, String version) {
    Path flat = jarsDir.resolve(module + "-" + version + "-lambda.jar");
    return Files.exists(flat) ? flat : jarsDir.resolve("functions").resolve(module).resolve("target")
        .resolve(module + "-" + version + "-lambda.jar");
  }

  /** Starts {@code jar} under the runtime client in {@code work}, invokes {@code handler} once with {@code event}. */
  public static Run invokeOnce(Path jar, Functions.Function function, Map<String, String> functionEnv,
      String event, Path work) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no jar " + jar + ": build it first (./mvnw package -pl functions/"
          + function.module() + " -am)");
    }
    Path task = work.resolve("task");
    Files.createDirectories(task.resolve("lib"));
    Path linked = task.resolve("lib").resolve(jar.getFileName());
    Files.deleteIfExists(linked);
    Files.createSymbolicLink(linked, jar.toAbsolutePath());
    Path out = work.resolve("stdout.log");
    Path err = work.resolve("stderr.log");

    try (RuntimeApi api = RuntimeApi.start()) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // The JIT settings of Lambda's Java runtimes (tiered compilation stops at C1) and a small-heap GC.
          "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          // The runtime client loads its native Runtime API client (JNI); Lambda's runtime allows that too.
          "--enable-native-access=ALL-UNNAMED"));
      // Diagnostics, e.g. -Dlambda.jar.jvmArgs=-Xlog:class+load:file=classes.txt (the file lands in the task root).
      String extra = System.getProperty("lambda.jar.jvmArgs", "").strip();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.split("\\s+")));
      }
      command.addAll(List.of("-cp", runtimeClassPath(), RUNTIME_MAIN, function.handler()));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.directory(task.toFile());
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      String path = env.get("PATH");
      env.clear();
      env.put("PATH", path == null ? "/usr/bin:/bin" : path);
      env.putAll(lambdaEnvironment(function, api, task));
      env.putAll(functionEnv);

      String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + function.name();
      api.invoke(event, arn, TIMEOUT);
      long start = System.nanoTime();
      Process process = pb.start();
      try {
        RuntimeApi.Result result = api.await(TIMEOUT);
        if (result == null) {
          throw new AssertionError(function.name() + ": no result within " + TIMEOUT + "\nstderr: "
              + Files.readString(err));
        }
        long millis = (result.atNanos() - start) / 1_000_000;
        // The invocation's lines were written (to the file) before it answered.
        return new Run(function.name(), result, millis, lines(out), Files.readString(err));
      } finally {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    }
  }

  /**
   * Runs {@link ProductionEndpoints} on {@code jar}'s classes: no endpoint override, an HTTPS proxy on a closed
   * loopback port (so nothing leaves the machine), no profile or instance metadata. Returns its exit code and output.
   */
  public static Map.Entry<Integer, String> probeProductionEndpoints(Path jar, Path work)
      throws IOException, InterruptedException {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Path harness = Path.of(System.getProperty("lambda.jars.classes", "functions/lambda-jars/target/classes"));
    Files.createDirectories(work);
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + closedPort, "-Dhttp.nonProxyHosts=",
        "-cp", jar.toAbsolutePath() + java.io.File.pathSeparator + harness.toAbsolutePath(),
        ProductionEndpoints.class.getName());
    pb.directory(work.toFile());
    pb.redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.put("HOME", work.toString());
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the endpoint probe of " + jar + " did not finish: " + out);
    }
    return Map.entry(p.exitValue(), out);
  }

  /** The variables Lambda sets for a function (those the runtime client and Powertools read). */
  static Map<String, String> lambdaEnvironment(Functions.Function function, RuntimeApi api, Path task) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("LAMBDA_TASK_ROOT", task.toString());
    env.put("_HANDLER", function.handler());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef");
    // template.yaml: LoggingConfig LogFormat JSON, ApplicationLogLevel INFO.
    env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
    env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
    env.put("POWERTOOLS_SERVICE_NAME", function.name());
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    return env;
  }

  /** The runtime client and its dependencies (aws-lambda-java-core, -serialization, the SDK's utils-lite). */
  static String runtimeClassPath() {
    List<String> entries = new ArrayList<>();
    for (String anchor : List.of(RUNTIME_MAIN, "com.amazonaws.services.lambda.runtime.Context",
        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
        "software.amazon.awssdk.utilslite.SdkInternalThreadLocal")) {
      try {
        entries.add(Path.of(Class.forName(anchor).getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException("the runtime client's class path is incomplete: " + anchor, e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }
}
