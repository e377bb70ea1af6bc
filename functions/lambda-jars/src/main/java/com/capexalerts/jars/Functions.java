package com.capexalerts.jars;

import java.util.List;

/** The deployed functions: name, module (whose jar), handler and service as template.yaml declares them. */
public final class Functions {
  /** One function of the stack. */
  public record Function(String name, String module, String handler) {}

  public static final Function POLLER = new Function("feed-poller", "feed-poller",
      "com.capexalerts.poller.FeedPollerHandler::handleRequest");
  public static final Function NOTIFIER = new Function("notifier", "notifier",
      "com.capexalerts.notifier.NotifierHandler::handleRequest");
  public static final Function API = new Function("api", "api", "com.capexalerts.api.ApiHandler::handleRequest");
  public static final Function DISPATCHER = new Function("webhook-dispatcher", "webhook-dispatcher",
      "com.capexalerts.dispatcher.WebhookDispatcherHandler::handleRequest");
  public static final Function SCHEDULER = new Function("poll-scheduler", "poll-scheduler",
      "com.capexalerts.pollscheduler.PollSchedulerHandler::handleRequest");
  public static final Function WORKER = new Function("poll-worker", "poll-worker",
      "com.capexalerts.pollworker.PollWorkerHandler::handleRequest");
  public static final Function RECORDER = new Function("decision-recorder", "poll-worker",
      "com.capexalerts.pollworker.DecisionRecorderHandler::handleRequest");

  /** In the order {@link Pipeline} runs them. */
  public static final List<Function> ALL = List.of(POLLER, NOTIFIER, API, DISPATCHER, SCHEDULER, WORKER, RECORDER);

  private Functions() {}
}
