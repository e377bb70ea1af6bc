package com.capexalerts.aws.sns;

import com.capexalerts.core.subscription.Subscription;
import com.capexalerts.core.subscription.SubscriptionProtocol;
import com.capexalerts.core.subscription.SubscriptionService;
import com.capexalerts.core.webhook.WebhookFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SubscriptionLimitExceededException;

/**
 * E-mail and SMS subscriptions of the alert topic, each with the filter policy of its filter
 * ({@link SnsFilterPolicy}). A subscription's id is the last segment of its ARN; every operation rebuilds the ARN
 * from this topic's ARN, so the API can only ever see or remove subscriptions of this topic.
 */
public final class SnsSubscriptions implements SubscriptionService {
  static final String FILTER_POLICY = "FilterPolicy";
  static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
  static final String PENDING_CONFIRMATION = "PendingConfirmation";
  /** The id part of a subscription ARN: SNS uses a UUID. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,128}");

  private final SnsClient sns;
  private final String topicArn;

  public SnsSubscriptions(SnsClient sns, String topicArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.topicArn = SnsAlertPublisher.requireTopic(topicArn);
  }

  @Override
  public Subscription subscribe(SubscriptionProtocol protocol, String endpoint, WebhookFilter filter) {
    protocol.problem(endpoint).ifPresent(problem -> {
      throw new IllegalArgumentException(protocol.wireName() + " endpoint: " + problem);
    });
    Optional<String> policy = SnsFilterPolicy.of(filter);
    Map<String, String> attributes = new HashMap<>();
    policy.ifPresent(p -> {
      attributes.put(FILTER_POLICY_SCOPE, "MessageAttributes");
      attributes.put(FILTER_POLICY, p);
    });
    String arn;
    try {
      arn = sns.subscribe(r -> r.topicArn(topicArn).protocol(protocol.wireName()).endpoint(endpoint)
          .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
    } catch (InvalidParameterException | SubscriptionLimitExceededException e) {
      // E.g. the endpoint is subscribed already with another filter: SNS says so in its message.
      throw new IllegalArgumentException("SNS refused the subscription: " + e.awsErrorDetails().errorMessage(), e);
    }
    Map<String, String> current = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
    return new Subscription(idOf(arn), protocol.wireName(), endpoint,
        Boolean.parseBoolean(current.get(PENDING_CONFIRMATION)), current.get(FILTER_POLICY));
  }

  @Override
  public List<Subscription> list() {
    List<Subscription> found = new ArrayList<>();
    for (software.amazon.awssdk.services.sns.model.Subscription s
        : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions()) {
      String arn = s.subscriptionArn();
      if (arn == null || !arn.startsWith(topicArn + ":")) {
        // "PendingConfirmation": SNS lists an unconfirmed e-mail subscription without its ARN.
        found.add(new Subscription(null, s.protocol(), s.endpoint(), true, null));
        continue;
      }
      Map<String, String> attributes;
      try {
        attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
      } catch (NotFoundException removedMeanwhile) {
        continue;
      }
      found.add(new Subscription(idOf(arn), s.protocol(), s.endpoint(),
          Boolean.parseBoolean(attributes.get(PENDING_CONFIRMATION)), attributes.get(FILTER_POLICY)));
    }
    return found;
  }

  @Override
  public boolean unsubscribe(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return false;
    }
    String arn = topicArn + ":" + id;
    Map<String, String> attributes;
    try {
      attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
    } catch (NotFoundException | InvalidParameterException missing) {
      return false;
    }
    if (!topicArn.equals(attributes.get("TopicArn"))) {
      return false;
    }
    sns.unsubscribe(r -> r.subscriptionArn(arn));
    return true;
  }

  /** The URL-safe id of a subscription ARN (arn:aws:sns:region:account:topic:id). */
  static String idOf(String subscriptionArn) {
    return subscriptionArn.substring(subscriptionArn.lastIndexOf(':') + 1);
  }
}
