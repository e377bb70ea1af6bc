package com.capexalerts.aws.sns;

import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.AlertPublisher;
import com.capexalerts.core.alert.Announcement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes an event's alert to the SNS topic: one {@code MessageStructure=json} message with a rendering per protocol
 * and message attributes that subscription filter policies can match.
 *
 * <p>Attributes: {@code company}, {@code currency}, {@code kind} (String) and {@code amount_usd} (Number, whole
 * dollars), plus {@code amount_usd_billions} (Number). Filter on the billions one: SNS numeric matching only handles
 * values between -10^9 and 10^9, so a policy like {@code {"amount_usd":[{"numeric":[">=",50000000000]}]}} is rejected by
 * SNS, while {@code {"amount_usd_billions":[{"numeric":[">=",50]}]}} says the same and works.
 */
public final class SnsAlertPublisher implements AlertPublisher {
  public static final String ATTR_COMPANY = "company";
  public static final String ATTR_AMOUNT_USD = "amount_usd";
  public static final String ATTR_AMOUNT_USD_BILLIONS = "amount_usd_billions";
  public static final String ATTR_CURRENCY = "currency";
  public static final String ATTR_KIND = "kind";

  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

  private final SnsClient sns;
  private final String topicArn;

  /** @param sns a client whose retry policy covers throttling and transient errors (the SDK default does) */
  public SnsAlertPublisher(SnsClient sns, String topicArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.topicArn = requireTopic(topicArn);
  }

  @Override
  public String publish(Announcement announcement) {
    return sns.publish(request(announcement)).messageId();
  }

  /** The exact Publish request for the event. */
  public PublishRequest request(Announcement announcement) {
    return request(topicArn, announcement);
  }

  /** The exact Publish request for the event to {@code topicArn}; the outbox writes the same request. */
  public static PublishRequest request(String topicArn, Announcement announcement) {
    PublishRequest.Builder b = PublishRequest.builder()
        .topicArn(requireTopic(topicArn))
        .subject(AlertMessages.subject(announcement))
        .message(AlertMessages.structured(announcement))
        .messageStructure("json")
        .messageAttributes(attributes(announcement));
    if (topicArn.endsWith(".fifo")) {
      // A FIFO topic drops a second publish of the same event within its 5-minute window, which covers a notifier
      // that crashed after publishing and whose claim (90 s lease) was taken over. Only SQS subscribes to FIFO topics.
      b.messageGroupId("alerts").messageDeduplicationId(deduplicationId(announcement));
    }
    return b.build();
  }

  /** The event key within SNS's limits (128 characters of ASCII letters, digits and punctuation). */
  static String deduplicationId(Announcement announcement) {
    String id = announcement.key().value().replaceAll("[^!-~]", "_");
    return id.length() <= 128 ? id : id.substring(0, 128);
  }

  /** The filterable attributes, in a stable order. */
  static Map<String, MessageAttributeValue> attributes(Announcement a) {
    Map<String, MessageAttributeValue> m = new LinkedHashMap<>();
    if (!a.company().isBlank()) { // SNS rejects empty String attributes
      m.put(ATTR_COMPANY, string(a.company()));
    }
    m.put(ATTR_AMOUNT_USD, number(a.amountUsd().setScale(0, RoundingMode.HALF_UP)));
    // SNS compares numbers to five decimals: billions to five decimals is to the ten thousand dollars.
    m.put(ATTR_AMOUNT_USD_BILLIONS, number(a.amountUsd().divide(BILLION, 5, RoundingMode.HALF_UP)));
    m.put(ATTR_CURRENCY, string(a.amount().currency()));
    m.put(ATTR_KIND, string(a.kind().wireName()));
    return m;
  }

  private static MessageAttributeValue string(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static MessageAttributeValue number(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return MessageAttributeValue.builder().dataType("Number")
        .stringValue((v.scale() < 0 ? v.setScale(0) : v).toPlainString()).build();
  }

  static String requireTopic(String topicArn) {
    if (topicArn == null || !topicArn.startsWith("arn:")) {
      throw new IllegalArgumentException("SNS topic ARN must look like arn:aws:sns:<region>:<account>:<name>, got "
          + (topicArn == null ? "nothing" : "\"" + topicArn + "\""));
    }
    return topicArn;
  }
}
