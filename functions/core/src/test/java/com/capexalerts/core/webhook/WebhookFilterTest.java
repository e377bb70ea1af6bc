package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookFilterTest {
  private final Announcement alibaba = TestAlerts.alibaba(); // $53 billion, ANNOUNCEMENT

  @Test
  void emptyFilterMatchesEverything() {
    assertTrue(WebhookFilter.all().matches(alibaba));
    assertTrue(new WebhookFilter(null, null, null).matches(alibaba));
  }

  @Test
  void minimumUsdIsInclusive() {
    assertTrue(new WebhookFilter(new BigDecimal("53000000000"), Set.of(), Set.of()).matches(alibaba));
    assertFalse(new WebhookFilter(new BigDecimal("53000000001"), Set.of(), Set.of()).matches(alibaba));
  }

  @Test
  void companiesCompareIgnoringCase() {
    assertTrue(new WebhookFilter(null, Set.of("alibaba", "Meta"), Set.of()).matches(alibaba));
    assertFalse(new WebhookFilter(null, Set.of("Meta"), Set.of()).matches(alibaba));
  }

  @Test
  void kindsRestrict() {
    assertTrue(new WebhookFilter(null, Set.of(), Set.of(AnnouncementKind.ANNOUNCEMENT)).matches(alibaba));
    assertFalse(new WebhookFilter(null, Set.of(), Set.of(AnnouncementKind.UPDATE)).matches(alibaba));
  }

  @Test
  void negativeMinimumIsRejected() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new WebhookFilter(new BigDecimal("-1"), Set.of(), Set.of()));
    assertTrue(e.getMessage().contains("min_usd"), e.getMessage());
  }

  @Test
  void webhookWantsOnlyWhenEnabledAndMatching() {
    URI url = URI.create("https://hooks.example.com/x");
    var filter = new WebhookFilter(null, Set.of("Alibaba"), Set.of());
    assertTrue(new Webhook("a", url, WebhookFormat.SLACK, null, filter, true, 0).wants(alibaba));
    assertFalse(new Webhook("b", url, WebhookFormat.SLACK, null, filter, false, 0).wants(alibaba));
  }

  @Test
  void jsonWebhookNeedsSecretAndToStringHidesSecretAndPath() {
    URI url = URI.create("https://hooks.example.com/services/T000/B000/token123");
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Webhook("w1", url, WebhookFormat.JSON, " ", null, true, 0));
    assertTrue(e.getMessage().contains("w1") && e.getMessage().contains("secret"), e.getMessage());
    String shown = new Webhook("w1", url, WebhookFormat.JSON, "s3cr3t", null, true, 0).toString();
    assertFalse(shown.contains("s3cr3t"), shown);
    assertFalse(shown.contains("token123"), shown);
    assertTrue(shown.contains("hooks.example.com"), shown);
  }

  @Test
  void formatsParseFromWireNames() {
    assertEquals(WebhookFormat.TEAMS, WebhookFormat.fromWire("Teams"));
    var e = assertThrows(IllegalArgumentException.class, () -> WebhookFormat.fromWire("email"));
    assertTrue(e.getMessage().contains("email"), e.getMessage());
  }
}
