package com.capexalerts.aws.sqs;

import com.capexalerts.core.scale.DecisionRequest;
import com.capexalerts.core.scale.DecisionSink;
import com.capexalerts.core.scale.ScaleMessages;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The workers' side of the decision queue (SQS FIFO): the company is the message group, so one company's findings
 * are decided one at a time however many workers run; the request's content is the deduplication id, so a worker
 * that retries after sending does not queue the same request twice within SQS's five-minute window (and after it
 * the recorder's conditional writes make a repeat harmless).
 */
public final class SqsDecisionSink implements DecisionSink {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsDecisionSink(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void submit(List<DecisionRequest> requests) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      DecisionRequest r = requests.get(i);
      entries.add(SendMessageBatchRequestEntry.builder().id("d" + (i % SqsBatches.MAX_ENTRIES))
          .messageBody(ScaleMessages.decision(r)).messageGroupId(r.groupId())
          .messageDeduplicationId(r.dedupeId()).build());
    }
    SqsBatches.send(sqs, queueUrl, entries);
  }
}
