package com.capexalerts.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.webhook.WebhookFilter;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnsFilterPolicyTest {
  @Test
  void anEmptyFilterHasNoPolicy() {
    assertEquals(Optional.empty(), SnsFilterPolicy.of(WebhookFilter.all()));
    assertEquals(Optional.empty(), SnsFilterPolicy.of(new WebhookFilter(BigDecimal.ZERO, Set.of(), Set.of())));
  }

  @Test
  void minUsdIsComparedInBillions() {
    assertEquals(Optional.of("{\"amount_usd_billions\":[{\"numeric\":[\">=\",50]}]}"),
        SnsFilterPolicy.of(new WebhookFilter(new BigDecimal("50000000000"), Set.of(), Set.of())));
    // Rounded half-up to five decimals, as the publisher rounds the attribute.
    assertEquals(Optional.of("{\"amount_usd_billions\":[{\"numeric\":[\">=\",0.68766]}]}"),
        SnsFilterPolicy.of(new WebhookFilter(new BigDecimal("687655000"), Set.of(), Set.of())));
  }

  @Test
  void companiesIgnoreCaseAndKindsAreListed() {
    WebhookFilter f = new WebhookFilter(new BigDecimal("1e9"), Set.of("Meta", "alibaba", "ALIBABA "),
        Set.of(AnnouncementKind.UPDATE, AnnouncementKind.ANNOUNCEMENT));
    assertEquals(Optional.of("{\"amount_usd_billions\":[{\"numeric\":[\">=\",1]}],"
        + "\"company\":[{\"equals-ignore-case\":\"alibaba\"},{\"equals-ignore-case\":\"meta\"}],"
        + "\"kind\":[\"announcement\",\"update\"]}"), SnsFilterPolicy.of(f));
  }

  @Test
  void amountsSnsCannotCompareAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SnsFilterPolicy.of(new WebhookFilter(new BigDecimal("2e18"), Set.of(), Set.of())));
  }
}
