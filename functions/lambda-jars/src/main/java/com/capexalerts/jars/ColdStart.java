package com.capexalerts.jars;

import com.capexalerts.testsupport.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of every function from its jar: JVM start to the first handler result (the Runtime API stand-in
 * receives it), each run a fresh JVM under Lambda's runtime client on fresh moto resources (see {@link Pipeline}).
 * With several jar folders the runs alternate between them, so both sets see the same machine load, and the
 * medians are compared (ratio = each set over the first). Run by bin/cold-start.
 *
 * <p>Arguments: RUNS VERSION JAR_DIR [JAR_DIR...]; a JAR_DIR is the repository (functions/&lt;module&gt;/target/)
 * or a folder of copied {@code <module>-<version>-lambda.jar} files.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ColdStart RUNS VERSION JAR_DIR [JAR_DIR...]");
      System.exit(2);
    }
    int runs = Integer.parseInt(args[0]);
    String version = args[1];
    List<Path> sets = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sets.add(Path.of(args[i]).toAbsolutePath());
    }
    Path repo = com.capexalerts.testsupport.RepoRoot.find();
    Path work = Files.createTempDirectory("cold-start");
    // set -> function -> milliseconds per run
    Map<Path, Map<String, List<Long>>> millis = new LinkedHashMap<>();
    for (int r = 0; r < runs; r++) {
      for (Path set : sets) {
        try (Pipeline p = new Pipeline(repo, set, version, MotoServer.get(), work.resolve(r + "-" + sets.indexOf(set)))) {
          for (LambdaJar.Run run : p.all()) {
            run.response();
            millis.computeIfAbsent(set, k -> new LinkedHashMap<>())
                .computeIfAbsent(run.function(), k -> new ArrayList<>()).add(run.coldStartMillis());
          }
        }
        System.err.printf("run %d/%d of %s done%n", r + 1, runs, set);
      }
    }
    System.out.printf("cold start: JVM start to first handler result, median of %d runs (ms)%n", runs);
    StringBuilder header = new StringBuilder(String.format("%-20s", "function"));
    for (int s = 0; s < sets.size(); s++) {
      header.append(String.format(" %10s", "set " + (s + 1)));
      if (s > 0) {
        header.append(String.format(" %8s", "ratio"));
      }
    }
    System.out.println(header);
    for (Functions.Function f : Functions.ALL) {
      StringBuilder row = new StringBuilder(String.format("%-20s", f.name()));
      long first = 0;
      for (int s = 0; s < sets.size(); s++) {
        long median = median(millis.get(sets.get(s)).get(f.name()));
        if (s == 0) {
          first = median;
        }
        row.append(String.format(" %10d", median));
        if (s > 0) {
          row.append(String.format(" %8.2f", (double) median / first));
        }
      }
      System.out.println(row + "   runs: " + summary(millis, sets, f.name()));
    }
    for (int s = 0; s < sets.size(); s++) {
      System.out.println("set " + (s + 1) + ": " + sets.get(s));
    }
  }

  private static String summary(Map<Path, Map<String, List<Long>>> millis, List<Path> sets, String function) {
    List<String> parts = new ArrayList<>();
    for (Path set : sets) {
      parts.add(millis.get(set).get(function).toString());
    }
    return String.join(" | ", parts);
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
