package com.capexalerts.aws.sqs;

import com.capexalerts.core.scale.PollState;
import com.capexalerts.core.scale.ScaleMessages;
import com.capexalerts.core.scale.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The scheduler's side of the work queue (standard SQS): one message per batch of feeds. */
public final class SqsWorkQueue implements WorkQueue {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsWorkQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(List<List<PollState>> batches) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id("b" + (i % SqsBatches.MAX_ENTRIES))
          .messageBody(ScaleMessages.scheduled(batches.get(i))).build());
    }
    SqsBatches.send(sqs, queueUrl, entries);
  }
}
