package com.capexalerts.cli;

import com.capexalerts.core.poll.FeedHealth;
import com.capexalerts.core.poll.FeedState;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the health of every feed the state knows: status (ok, failing, backing-off, stale, disabled,"
          + " never-polled), last success, last error and its class (dns, connect, tls, timeout, http-status,"
          + " too-large, not-a-feed, parse, file, store), consecutive failures, next attempt, last new item.",
      "Exit code 0 when no feed fails, 3 when some do."
    })
final class StatusCommand implements Callable<Integer> {
  static final int EXIT_SOME_FAILING = 3;

  @Spec CommandSpec spec;
  @Mixin FeedStoreOptions store;

  @Option(names = "--json", description = "one JSON object: {\"feeds\": [...], \"counts\": {...}}")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<FeedState> feeds = store.open(System.getenv()).all();
    Instant now = Instant.now();
    long failing = feeds.stream().filter(s -> FeedHealth.of(s, now).failing()).count();
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("at", now.toString());
      ArrayNode items = root.putArray("feeds");
      feeds.forEach(s -> items.add(FeedViews.json(s, now)));
      ObjectNode counts = root.putObject("counts");
      for (FeedHealth.Status st : FeedHealth.Status.values()) {
        counts.put(st.wireName(), feeds.stream().filter(s -> FeedHealth.of(s, now).status() == st).count());
      }
      out.println(Json.MAPPER.writeValueAsString(root));
    } else {
      out.printf("%d feed(s) in %s%n", feeds.size(), store.describe(System.getenv()));
      for (FeedState s : feeds) {
        FeedHealth h = FeedHealth.of(s, now);
        StringBuilder line = new StringBuilder(String.format("  %-12s %s", h.status().wireName(), s.feedUrl()));
        if (s.name() != null) {
          line.append("  (").append(s.name()).append(')');
        }
        line.append("\n      last success ").append(ago(s.lastSuccess(), now));
        line.append(", last new item ").append(ago(s.lastNewItemAt(), now));
        if (s.lastErrorClass() != null || s.lastError() != null) {
          line.append("\n      last error ").append(ago(s.lastErrorAt(), now)).append(" [")
              .append(s.lastErrorClass() == null ? "?" : s.lastErrorClass().wireName()).append("] ")
              .append(s.lastError() == null ? "(recovered since)" : s.lastError());
        }
        if (s.consecutiveFailures() > 0) {
          line.append("\n      ").append(s.consecutiveFailures()).append(" failure(s) in a row, next attempt ")
              .append(s.nextAttemptAt() == null ? "next run" : s.nextAttemptAt().toString());
        }
        out.println(line);
      }
    }
    out.flush();
    return failing == 0 ? 0 : EXIT_SOME_FAILING;
  }

  static String ago(Instant at, Instant now) {
    if (at == null) {
      return "never";
    }
    Duration d = Duration.between(at, now);
    if (d.isNegative()) {
      return at.toString();
    }
    String span = d.toDays() > 0 ? d.toDays() + "d" : d.toHours() > 0 ? d.toHours() + "h"
        : d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    return at + " (" + span + " ago)";
  }
}
