package com.capexalerts.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.poll.Backoff;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.PollerConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollerSettingsTest {
  @Test
  void defaultsUseTheBundledFeeds() {
    PollerSettings s = PollerSettings.defaults();

    assertEquals(PollerSettings.bundledFeeds(), s.feeds());
    PollerConfig c = s.config();
    assertEquals(new BigDecimal("1000000000"), c.thresholds().globalMinimumUsd());
    assertEquals(Duration.ofDays(14), c.maxAge());
    assertEquals(new BigDecimal("0.10"), c.dedupeTolerance());
    assertEquals(Duration.ofDays(30), c.dedupeWindow());
    assertEquals(8, c.fetchConcurrency());
    assertEquals(new Backoff(Duration.ofMinutes(15), Duration.ofHours(6)), c.backoff());
  }

  @Test
  void everyVariableOverrides() {
    PollerSettings s = PollerSettings.fromEnv(Map.of(
        "FEEDS", "https://a.example/feed, samples/feeds/b.xml",
        "THRESHOLD_USD", "2e9",
        "COMPANY_THRESHOLDS", "Nvidia=5000000000,Apple=2000000000",
        "MAX_AGE", "p7d",
        "DEDUPE_TOLERANCE", "0.05",
        "DEDUPE_WINDOW", "P10D",
        "FETCH_CONCURRENCY", "3",
        "POLL_INTERVAL", "PT30M"));

    assertEquals(List.of(new Feed("https://a.example/feed", "a.example"), new Feed("samples/feeds/b.xml", "b.xml")),
        s.feeds());
    PollerConfig c = s.config();
    assertEquals(0, new BigDecimal("2e9").compareTo(c.thresholds().globalMinimumUsd()));
    assertEquals(new BigDecimal("5000000000"), c.thresholds().minimumFor("Nvidia"));
    assertEquals(Duration.ofDays(7), c.maxAge());
    assertEquals(new BigDecimal("0.05"), c.dedupeTolerance());
    assertEquals(Duration.ofDays(10), c.dedupeWindow());
    assertEquals(3, c.fetchConcurrency());
    assertEquals(Duration.ofMinutes(30), c.backoff().base());
  }

  @Test
  void pollIntervalAcceptsTheTemplatesScheduleExpression() {
    assertEquals(Duration.ofMinutes(5),
        PollerSettings.fromEnv(Map.of("POLL_INTERVAL", "rate(5 minutes)")).config().backoff().base());
    assertEquals(Duration.ofHours(1),
        PollerSettings.fromEnv(Map.of("POLL_INTERVAL", "rate(1 hour)")).config().backoff().base());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> PollerSettings.fromEnv(Map.of("POLL_INTERVAL", "cron(0 * * * ? *)")));
    assertTrue(e.getMessage().contains("POLL_INTERVAL"), e.getMessage());
  }

  @Test
  void maxAgeNoneDisablesTheRuleAndLongAgesKeepSeenRecordsLonger() {
    assertNull(PollerSettings.fromEnv(Map.of("MAX_AGE", "none")).config().maxAge());
    PollerConfig year = PollerSettings.fromEnv(Map.of("MAX_AGE", "P365D")).config();
    assertTrue(year.seenTtl().compareTo(year.maxAge()) > 0);
  }

  @Test
  void invalidVariablesAreAllNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PollerSettings.fromEnv(Map.of(
        "FEEDS", "[\"https://a.example/feed\", 42]",
        "THRESHOLD_USD", "a lot",
        "COMPANY_THRESHOLDS", "Nvidia:5e9",
        "MAX_AGE", "14 days",
        "DEDUPE_TOLERANCE", "10%",
        "DEDUPE_WINDOW", "-P1D",
        "FETCH_CONCURRENCY", "100",
        "POLL_INTERVAL", "15m")));

    for (String variable : List.of("FEEDS: entry 1", "THRESHOLD_USD: ", "COMPANY_THRESHOLDS: ", "MAX_AGE: ",
        "DEDUPE_TOLERANCE: ", "DEDUPE_WINDOW: ", "FETCH_CONCURRENCY: ", "POLL_INTERVAL: ")) {
      assertTrue(e.getMessage().contains(variable), variable + " missing in: " + e.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void theDeployedPollerKeepsToPublicAddressesUnlessToldOtherwise() {
    org.junit.jupiter.api.Assertions.assertEquals(com.capexalerts.core.fetch.FetchSettings.Addresses.PUBLIC,
        PollerSettings.fromEnv(java.util.Map.of()).fetch().addresses());
    org.junit.jupiter.api.Assertions.assertEquals(
        com.capexalerts.core.fetch.FetchSettings.Addresses.PUBLIC_OR_LOOPBACK,
        PollerSettings.fromEnv(java.util.Map.of("FEED_ADDRESSES", "public-or-loopback")).fetch().addresses());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> PollerSettings.fromEnv(java.util.Map.of("FEED_ADDRESSES", "anything", "MAX_AGE", "P99999D")));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("FEED_ADDRESSES")
        && e.getMessage().contains("more than ten years"), e.getMessage());
  }
}
