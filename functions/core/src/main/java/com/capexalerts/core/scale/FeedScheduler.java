package com.capexalerts.core.scale;

import com.capexalerts.core.poll.Feed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One tick of the schedule: reads every feed's state once, picks the feeds that are due and sends them to the work
 * queue, {@code feedsPerMessage} to a message, each with its state (so workers read nothing for unchanged feeds).
 * Writes nothing: a feed's next slot follows from its own state.
 */
public final class FeedScheduler {
  private final PollStateStore states;
  private final Supplier<List<Feed>> configured;
  private final AdaptiveSchedule schedule;
  private final WorkQueue queue;
  private final int feedsPerMessage;
  private final Duration window;
  private final Clock clock;

  /**
   * @param configured      feeds from the configuration; those not yet in the table are due at once
   * @param window          the tick period: a slot in (now - window, now] is due
   */
  public FeedScheduler(PollStateStore states, Supplier<List<Feed>> configured, AdaptiveSchedule schedule,
      WorkQueue queue, int feedsPerMessage, Duration window, Clock clock) {
    if (feedsPerMessage < 1) {
      throw new IllegalArgumentException("feeds per message must be at least 1, was " + feedsPerMessage);
    }
    this.states = Objects.requireNonNull(states, "states");
    this.configured = Objects.requireNonNull(configured, "configured");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.feedsPerMessage = feedsPerMessage;
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param known    feeds known (table and configuration)
   * @param due      feeds sent
   * @param messages messages sent
   */
  public record Tick(Instant at, int known, int due, int messages) {}

  public Tick tick() {
    Instant now = clock.instant();
    Map<String, PollState> all = new LinkedHashMap<>();
    states.all().forEach(s -> all.put(s.feedUrl(), s));
    for (Feed f : configured.get()) {
      all.putIfAbsent(f.url(), PollState.fresh(f.url(), f.name()));
    }
    List<PollState> due = new ArrayList<>();
    for (PollState s : all.values()) {
      if (schedule.isDue(s, now, window)) {
        due.add(s);
      }
    }
    List<List<PollState>> batches = new ArrayList<>();
    for (int i = 0; i < due.size(); i += feedsPerMessage) {
      batches.add(List.copyOf(due.subList(i, Math.min(due.size(), i + feedsPerMessage))));
    }
    if (!batches.isEmpty()) {
      queue.send(batches);
    }
    return new Tick(now, all.size(), due.size(), batches.size());
  }
}
