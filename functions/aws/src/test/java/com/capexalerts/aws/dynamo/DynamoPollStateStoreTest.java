package com.capexalerts.aws.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.scale.PollState;
import com.capexalerts.testsupport.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoPollStateStoreTest {
  private final TableNames tables = MotoTables.fresh();
  private final DynamoPollStateStore store =
      new DynamoPollStateStore(MotoServer.dynamo(), tables.feeds());

  private static PollState state(String url, List<String> recent, String etag) {
    return new PollState(url, "Outlet", true, etag, "Fri, 03 Jan 2025 18:00:00 GMT", "abc", recent,
        Duration.ofMinutes(20), Instant.parse("2025-01-04T00:17:30Z"), Instant.parse("2025-01-04T00:00:00Z"),
        Duration.ofMinutes(40), 0, null);
  }

  @Test
  void roundTripsAndTheScanCarriesTheWholeState() {
    store.save(state("http://a.example/feed", List.of("0123456789ab", "fedcba987654"), "\"v1\""));
    PollState loaded = store.load(List.of("http://a.example/feed", "http://missing.example/")).get(
        "http://a.example/feed");
    assertEquals(state("http://a.example/feed", List.of("0123456789ab", "fedcba987654"), "\"v1\""), loaded);
    assertEquals(1, store.load(List.of("http://a.example/feed", "http://missing.example/")).size());
    List<PollState> scanned = store.all();
    assertEquals(List.of(loaded), scanned, "the scheduler's scan reads the state the worker gets with the work");
  }

  @Test
  void aStateWithoutRecentItemsKeepsTheStoredListAndOtherAttributesSurvive() {
    store.save(state("http://b.example/feed", List.of("0123456789ab"), "\"v1\""));
    MotoServer.dynamo().updateItem(r -> r.tableName(tables.feeds())
        .key(Map.of("feed_url", AttributeValue.fromS("http://b.example/feed")))
        .updateExpression("SET #e = :f").expressionAttributeNames(Map.of("#e", "enabled"))
        .expressionAttributeValues(Map.of(":f", AttributeValue.fromBool(false))));
    store.save(state("http://b.example/feed", List.of(), null));
    PollState loaded = store.load(List.of("http://b.example/feed")).get("http://b.example/feed");
    assertEquals(List.of("0123456789ab"), loaded.recentItems());
    assertEquals(null, loaded.etag(), "a validator the server dropped is removed");
    assertFalse(loaded.enabled(), "the enabled switch kept on the feed's item survives a save");
    assertTrue(store.all().stream().noneMatch(PollState::enabled));
  }
}
