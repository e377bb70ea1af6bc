package com.capexalerts.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under concurrency, on moto server: half of 60 loopback feeds retell one pledge (three wordings,
 * publication dates over three days, so the items derive different event keys and only the decision code's
 * read-then-write keeps them one event). Workers run eight at once with one feed per message, so the findings reach
 * the FIFO decision queue from many workers at the same time; the recorder runs five batches at once. One event,
 * one alert.
 */
class ConcurrentDecisionsTest {
  @Test
  void theSamePledgeInManyFeedsPolledByConcurrentWorkersAlertsOnce() throws Exception {
    ScaleSimulation.Settings settings = new ScaleSimulation.Settings(60, 3, 6, 8, 5, 1, 1, 30, 50, 200, 7);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<ScaleSimulation.Tick> ticks = new ScaleSimulation(settings).run(new PrintStream(log, true,
        StandardCharsets.UTF_8));
    String table = log.toString(StandardCharsets.UTF_8);
    assertEquals(3, ticks.size(), table);
    ScaleSimulation.Tick announced = ticks.get(1);
    assertTrue(announced.polled() >= 30, "the announcing feeds were polled in the announcing tick\n" + table);
    assertTrue(announced.lambdaMs().containsKey("3-recorder"), "findings went through the decision queue\n" + table);
    assertEquals(1, ticks.stream().mapToInt(ScaleSimulation.Tick::events).sum(), "one event\n" + table);
    assertEquals(1, ticks.stream().mapToInt(ScaleSimulation.Tick::alerts).sum(), "one alert\n" + table);
    ticks.forEach(t -> {
      assertEquals(0, t.duplicates(), "no duplicate alert\n" + table);
      assertEquals(0, t.lost(), "no lost alert\n" + table);
    });
  }
}
