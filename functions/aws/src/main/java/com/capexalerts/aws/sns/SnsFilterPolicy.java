package com.capexalerts.aws.sns;

import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.webhook.WebhookFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The SNS subscription filter policy (scope MessageAttributes) that lets through what a {@link WebhookFilter} lets
 * through, on the attributes {@link SnsAlertPublisher} sets:
 * <ul>
 *   <li>min_usd: {@code amount_usd_billions >= min_usd / 10^9}. SNS numeric matching only covers values up to 10^9,
 *       so the dollar attribute cannot be compared with billions; both sides are rounded half-up to five decimals
 *       (ten thousand dollars), so an amount at or above min_usd always passes (one up to $5,000 below may pass
 *       too).</li>
 *   <li>companies: {@code company} equals one of them, ignoring case (as the webhook filter compares).</li>
 *   <li>kinds: {@code kind} is one of them.</li>
 * </ul>
 * Conditions on different attributes must all hold. An empty filter gives no policy: every alert.
 */
public final class SnsFilterPolicy {
  /** SNS compares numbers from -10^9 to 10^9. */
  static final BigDecimal MAX_BILLIONS = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private SnsFilterPolicy() {}

  /** The policy JSON, or empty when the filter lets every alert through. */
  public static Optional<String> of(WebhookFilter filter) {
    ObjectNode policy = JSON.createObjectNode();
    if (filter.minUsd() != null && filter.minUsd().signum() > 0) {
      BigDecimal billions = filter.minUsd().divide(BILLION, 5, RoundingMode.HALF_UP).stripTrailingZeros();
      if (billions.compareTo(MAX_BILLIONS) > 0) {
        throw new IllegalArgumentException("min_usd " + filter.minUsd().toPlainString()
            + " is beyond what SNS filter policies can compare (10^18 USD)");
      }
      ArrayNode condition = policy.putArray(SnsAlertPublisher.ATTR_AMOUNT_USD_BILLIONS).addObject()
          .putArray("numeric");
      condition.add(">=");
      condition.add(billions.scale() < 0 ? billions.setScale(0) : billions);
    }
    if (!filter.companies().isEmpty()) {
      ArrayNode companies = policy.putArray(SnsAlertPublisher.ATTR_COMPANY);
      // Lower case: SNS ignores case on both sides, moto only on the message's side.
      filter.companies().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().sorted()
          .forEach(c -> companies.addObject().put("equals-ignore-case", c));
    }
    if (!filter.kinds().isEmpty()) {
      ArrayNode kinds = policy.putArray(SnsAlertPublisher.ATTR_KIND);
      filter.kinds().stream().map(AnnouncementKind::wireName).sorted().forEach(kinds::add);
    }
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.writeValueAsString(policy));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a filter policy", e);
    }
  }
}
