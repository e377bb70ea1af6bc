package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.AnnouncementStore.Claim;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnnouncementStore} must do. Subclasses give a fresh, empty store per test; the DynamoDB store
 * (on moto) and the local file store run the same cases.
 */
public abstract class AnnouncementStoreContract {
  protected static final Instant T0 = Instant.parse("2025-02-24T09:30:15.250Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private AnnouncementStore store;

  /** A new store with no events. */
  protected abstract AnnouncementStore newStore() throws Exception;

  /**
   * Why the concurrent-writer cases cannot run against this store, or null when they can. The real DynamoDB
   * serialises writes to one item; moto's threaded server does not, so its run returns a reason here.
   */
  protected String concurrencyUnsupportedReason() {
    return null;
  }

  private void assumeConcurrencyIsFaithful() {
    String reason = concurrencyUnsupportedReason();
    Assumptions.assumeTrue(reason == null, reason);
  }

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  public static Announcement event(String key, String company, String usd, Instant published, Source... sources) {
    return new Announcement(new EventKey(key), company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal(usd), "USD", "$" + usd), new BigDecimal(usd), null,
        company + " will invest $" + usd + " in AI infrastructure.", company + " invests in AI",
        sources.length == 0 ? null : sources[0].link(), published, published.plusSeconds(60), List.of(sources), null);
  }

  public static Source source(String link, String outlet, Instant published) {
    return new Source(link, outlet, "Title at " + outlet, published);
  }

  @Test
  void createTwiceCreatesOnceAndKeepsTheFirst() {
    Announcement first = event("alibaba-2025-02-24-53b", "Alibaba", "53000000000", T0,
        source("https://www.alizila.com/alibaba-ai-380-billion/", "Alizila", T0));
    Announcement second = event("alibaba-2025-02-24-53b", "Alibaba", "54000000000", T0.plusSeconds(5),
        source("https://example.com/other", "Other", T0));

    assertTrue(store.create(first));
    assertFalse(store.create(second));
    assertEquals(Optional.of(first), store.get(first.key()));
  }

  @Test
  void getReturnsEveryFieldAsCreated() {
    Announcement full = new Announcement(new EventKey("alibaba-2025-02-24-53b"), "Alibaba",
        AnnouncementKind.UPDATE, new MoneyAmount(new BigDecimal("380000000000"), "CNY", "over 380 billion yuan"),
        new BigDecimal("52600000000.5"), "over the next three years",
        "Alibaba will invest more than 380 billion yuan (about $53 billion) — in AI infrastructure.",
        "Alibaba to spend $53 billion on AI", "https://www.alizila.com/a/", T0, T0.plusMillis(1500),
        List.of(source("https://www.alizila.com/a/", "Alizila", T0),
            new Source("https://example.com/b", null, "No outlet", null)),
        new EventKey("alibaba-2024-11-01-30b"));
    Announcement sparse = new Announcement(new EventKey("meta-2025-01-24-65b"), "Meta",
        AnnouncementKind.ANNOUNCEMENT, new MoneyAmount(new BigDecimal("65000000000"), "USD", "$65 billion"),
        new BigDecimal("65000000000"), null, "Meta will spend $65 billion.", "Meta capex", null, T0, T0,
        List.of(), null);

    assertTrue(store.create(full));
    assertTrue(store.create(sparse));

    assertEquals(Optional.of(full), store.get(full.key()));
    assertEquals(Optional.of(sparse), store.get(sparse.key()));
  }

  @Test
  void getOfAnUnknownKeyIsEmpty() {
    assertEquals(Optional.empty(), store.get(new EventKey("nobody-2025-01-01-1b")));
  }

  @Test
  void addSourceAddsEachLinkOnce() {
    Source first = source("https://www.alizila.com/a/", "Alizila", T0);
    Announcement event = event("alibaba-2025-02-24-53b", "Alibaba", "53000000000", T0, first);
    store.create(event);
    Source second = source("https://www.reuters.com/x", "Reuters", T0.plusSeconds(3600));

    assertTrue(store.addSource(event.key(), second));
    assertFalse(store.addSource(event.key(), second), "same source again");
    assertFalse(store.addSource(event.key(), new Source(second.link(), "Elsewhere", "Retitled", T0)),
        "same link under another title");
    assertFalse(store.addSource(event.key(), first), "the first source");

    assertEquals(List.of(first, second), store.get(event.key()).orElseThrow().sources());
  }

  @Test
  void anEventKeepsAtMostMaxSources() {
    Announcement event = event("microsoft-2025-01-03-80b", "Microsoft", "80000000000", T0,
        source("https://blogs.microsoft.com/a/", "Microsoft", T0));
    store.create(event);
    for (int i = 1; i < AnnouncementStore.MAX_SOURCES; i++) {
      assertTrue(store.addSource(event.key(), source("https://outlet" + i + ".example/a", "Outlet " + i, T0)));
    }

    assertFalse(store.addSource(event.key(), source("https://one-too-many.example/a", "Late", T0)));
    assertEquals(AnnouncementStore.MAX_SOURCES, store.get(event.key()).orElseThrow().sources().size());
  }

  @Test
  void addSourceWithoutLinkIsKeyedByTitle() {
    Announcement event = event("nvidia-2025-03-01-5b", "Nvidia", "5000000000", T0,
        source("https://nvidianews.nvidia.com/a", "NVIDIA", T0));
    store.create(event);
    Source unlinked = new Source(null, "Wire", "Nvidia to invest $5 billion", T0);

    assertTrue(store.addSource(event.key(), unlinked));
    assertFalse(store.addSource(event.key(), unlinked));
    assertEquals(2, store.get(event.key()).orElseThrow().sources().size());
  }

  @Test
  void addSourceToAnUnknownEventChangesNothing() {
    EventKey missing = new EventKey("nobody-2025-01-01-1b");

    assertFalse(store.addSource(missing, source("https://example.com/a", "X", T0)));
    assertEquals(Optional.empty(), store.get(missing));
  }

  @Test
  void concurrentWritersCreateOnceAndLoseNoSource() throws Exception {
    assumeConcurrencyIsFaithful();
    Announcement event = event("microsoft-2025-01-03-80b", "Microsoft", "80000000000", T0,
        source("https://blogs.microsoft.com/a/", "Microsoft", T0));
    List<Callable<Boolean>> creates = IntStream.range(0, 6).<Callable<Boolean>>mapToObj(i -> () -> store.create(event))
        .toList();
    assertEquals(1, runAll(creates).stream().filter(b -> b).count(), "exactly one create wins");

    List<Callable<Boolean>> adds = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(i ->
        () -> store.addSource(event.key(), source("https://outlet" + i + ".example/a", "Outlet " + i, T0))).toList();
    assertEquals(List.of(true, true, true, true, true, true, true, true), runAll(adds));
    assertEquals(9, store.get(event.key()).orElseThrow().sources().size());
  }

  @Test
  void recentForCompanyFindsTheCompanysEventsInTheRangeOnly() {
    Instant from = T0.minus(Duration.ofDays(30));
    Instant to = T0.plus(Duration.ofDays(30));
    store.create(event("alibaba-a", "Alibaba", "53000000000", T0));
    store.create(event("alibaba-b", "Alibaba", "20000000000", T0.plus(Duration.ofDays(10))));
    store.create(event("alibaba-at-from", "Alibaba", "1000000000", from));
    store.create(event("alibaba-at-to", "Alibaba", "1000000000", to));
    store.create(event("alibaba-just-before", "Alibaba", "1000000000", from.minusMillis(1)));
    store.create(event("alibaba-just-after", "Alibaba", "1000000000", to.plusMillis(1)));
    store.create(event("alibaba-old", "Alibaba", "9000000000", T0.minus(Duration.ofDays(40))));
    store.create(event("microsoft-a", "Microsoft", "80000000000", T0));

    List<String> keys = store.recentForCompany("Alibaba", from, to).stream().map(a -> a.key().value()).sorted()
        .toList();

    assertEquals(List.of("alibaba-a", "alibaba-at-from", "alibaba-at-to", "alibaba-b"), keys);
    assertEquals(List.of(), store.recentForCompany("Apple", from, to));
  }

  @Test
  void aClaimExcludesOthersUntilItsLeaseExpires() {
    Announcement event = event("meta-2025-01-24-65b", "Meta", "65000000000", T0);
    store.create(event);
    EventKey key = event.key();
    Instant t = T0.plusSeconds(100);

    assertEquals(Claim.CLAIMED, store.claimNotification(key, "a", t, LEASE));
    assertEquals(Claim.HELD_BY_OTHER, store.claimNotification(key, "b", t.plusSeconds(1), LEASE));
    assertEquals(Claim.CLAIMED, store.claimNotification(key, "a", t.plusSeconds(2), LEASE), "the holder again");
    Instant renewed = t.plusSeconds(2);
    assertEquals(Claim.HELD_BY_OTHER, store.claimNotification(key, "b", renewed.plus(LEASE), LEASE),
        "at exactly the lease end the claim still holds");
    assertEquals(Claim.CLAIMED, store.claimNotification(key, "b", renewed.plus(LEASE).plusMillis(1), LEASE),
        "after the lease a crashed claimant's claim expires");
  }

  @Test
  void onlyTheHolderRecordsThePublish() {
    Announcement event = event("meta-2025-01-24-65b", "Meta", "65000000000", T0);
    store.create(event);
    EventKey key = event.key();
    Instant t = T0.plusSeconds(100);
    store.claimNotification(key, "a", t, LEASE);
    Instant later = t.plus(LEASE).plusSeconds(1);
    assertEquals(Claim.CLAIMED, store.claimNotification(key, "b", later, LEASE));

    store.markPublished(key, "a", "msg-a", later.plusSeconds(1));
    assertEquals(Claim.HELD_BY_OTHER, store.claimNotification(key, "c", later.plusSeconds(2), LEASE),
        "a lost its claim, so its publish was not recorded");

    store.markPublished(key, "b", "msg-b", later.plusSeconds(3));
    assertEquals(Claim.ALREADY_PUBLISHED, store.claimNotification(key, "c", later.plusSeconds(4), LEASE));
    assertEquals(Claim.ALREADY_PUBLISHED, store.claimNotification(key, "b", later.plus(Duration.ofDays(2)), LEASE));
    assertEquals(Optional.of(event), store.get(key), "notification fields do not change the event");
  }

  @Test
  void releasingAClaimLetsAnotherClaimAtOnce() {
    Announcement event = event("apple-2025-02-24-500b", "Apple", "500000000000", T0);
    store.create(event);
    EventKey key = event.key();
    Instant t = T0.plusSeconds(100);
    store.claimNotification(key, "a", t, LEASE);

    store.releaseClaim(key, "b");
    assertEquals(Claim.HELD_BY_OTHER, store.claimNotification(key, "b", t.plusSeconds(1), LEASE),
        "only the holder can release");

    store.releaseClaim(key, "a");
    assertEquals(Claim.CLAIMED, store.claimNotification(key, "b", t.plusSeconds(2), LEASE));
  }

  @Test
  void claimsOnAnUnknownEventReportMissingAndCreateNothing() {
    EventKey missing = new EventKey("nobody-2025-01-01-1b");

    assertEquals(Claim.MISSING, store.claimNotification(missing, "a", T0, LEASE));
    store.markPublished(missing, "a", "msg", T0);
    store.releaseClaim(missing, "a");
    assertEquals(Optional.empty(), store.get(missing));
    assertEquals(Claim.MISSING, store.claimNotification(missing, "a", T0, LEASE));
  }

  @Test
  void concurrentClaimantsGetOneClaim() throws Exception {
    assumeConcurrencyIsFaithful();
    Announcement event = event("google-2025-02-04-75b", "Google", "75000000000", T0);
    store.create(event);
    List<Callable<Claim>> claims = IntStream.range(0, 6).<Callable<Claim>>mapToObj(i ->
        () -> store.claimNotification(event.key(), "claimant-" + i, T0.plusSeconds(10), LEASE)).toList();

    List<Claim> outcomes = runAll(claims);

    assertEquals(1, outcomes.stream().filter(c -> c == Claim.CLAIMED).count(), outcomes.toString());
    assertEquals(5, outcomes.stream().filter(c -> c == Claim.HELD_BY_OTHER).count(), outcomes.toString());
  }

  private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }
}
