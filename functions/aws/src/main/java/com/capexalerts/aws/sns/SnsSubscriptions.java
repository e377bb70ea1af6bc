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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SubscriptionLimitExceededException;

/**
 * E-mail and SMS subscriptions of the alert topic, each with the filter policy of its filter
 * ({@link SnsFilterPolicy}). A subscription's id is the last segment of its ARN; every operation rebuilds the ARN
 * from this topic's ARN, so the API can only ever see or remove subscriptions of this topic.
 *
 * <p>Each subscription made here gets a redrive policy naming this service's dead-letter queue, so an alert SNS could
 * not deliver is kept. That queue is also the mark of ownership: only e-mail and SMS subscriptions whose redrive
 * policy names it are listed or removed, never the stack's own (the dispatch queue, CloudFormation's e-mail, SMS and
 * HTTPS subscriptions) nor anyone else's. A pending e-mail subscription, which SNS lists without its ARN and so
 * without its attributes, shows once it is confirmed.
 */
public final class SnsSubscriptions implements SubscriptionService {
  static final String FILTER_POLICY = "FilterPolicy";
  static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
  static final String PENDING_CONFIRMATION = "PendingConfirmation";
  static final String REDRIVE_POLICY = "RedrivePolicy";
  /** The id part of a subscription ARN: SNS uses a UUID. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
  private static final Pattern DEAD_LETTER_TARGET = Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\"");
  private static final Set<String> MANAGED_PROTOCOLS = Set.of("email", "sms");

  private final SnsClient sns;
  private final String topicArn;
  private final String deadLetterArn;
  private final String redrivePolicy;

  /**
   * @param deadLetterArn the SQS queue (ARN) where SNS parks what it could not deliver to these subscriptions; also
   *                      their mark (see the class comment)
   */
  public SnsSubscriptions(SnsClient sns, String topicArn, String deadLetterArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.topicArn = SnsAlertPublisher.requireTopic(topicArn);
    if (deadLetterArn == null || !deadLetterArn.matches("arn:[a-z-]+:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}")) {
      throw new IllegalArgumentException("subscriptions need the ARN of their SQS dead-letter queue"
          + " (arn:aws:sqs:region:account:name), not '" + deadLetterArn + "'");
    }
    this.deadLetterArn = deadLetterArn;
    this.redrivePolicy = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\"}";
  }

  @Override
  public Subscription subscribe(SubscriptionProtocol protocol, String endpoint, WebhookFilter filter) {
    protocol.problem(endpoint).ifPresent(problem -> {
      throw new IllegalArgumentException(protocol.wireName() + " endpoint: " + problem);
    });
    Optional<String> policy = SnsFilterPolicy.of(filter);
    Map<String, String> attributes = new HashMap<>();
    attributes.put(REDRIVE_POLICY, redrivePolicy);
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
      if (arn == null || !arn.startsWith(topicArn + ":") || !MANAGED_PROTOCOLS.contains(s.protocol())) {
        // "PendingConfirmation" (SNS lists an unconfirmed e-mail subscription without its ARN), or not e-mail/SMS.
        continue;
      }
      Map<String, String> attributes;
      try {
        attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
      } catch (NotFoundException removedMeanwhile) {
        continue;
      }
      if (!ours(attributes)) {
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
    if (!topicArn.equals(attributes.get("TopicArn")) || !MANAGED_PROTOCOLS.contains(attributes.get("Protocol"))
        || !ours(attributes)) {
      return false;
    }
    sns.unsubscribe(r -> r.subscriptionArn(arn));
    return true;
  }

  /** Whether the subscription was made here: its redrive policy names our dead-letter queue. */
  private boolean ours(Map<String, String> attributes) {
    String redrive = attributes.get(REDRIVE_POLICY);
    if (redrive == null) {
      return false;
    }
    // The policy is a one-key JSON object; SNS may reformat it, so compare its target, not the text.
    Matcher target = DEAD_LETTER_TARGET.matcher(redrive);
    return target.find() && deadLetterArn.equals(target.group(1));
  }

  /** The URL-safe id of a subscription ARN (arn:aws:sns:region:account:topic:id). */
  static String idOf(String subscriptionArn) {
    return subscriptionArn.substring(subscriptionArn.lastIndexOf(':') + 1);
  }
}
