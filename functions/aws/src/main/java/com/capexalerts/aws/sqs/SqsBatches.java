package com.capexalerts.aws.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** SendMessageBatch, ten entries a call, retrying the entries SQS reports failed; throws when some never go. */
final class SqsBatches {
  static final int MAX_ENTRIES = 10;
  private static final int ATTEMPTS = 4;

  private SqsBatches() {}

  static void send(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries) {
    for (int i = 0; i < entries.size(); i += MAX_ENTRIES) {
      List<SendMessageBatchRequestEntry> pending = entries.subList(i, Math.min(entries.size(), i + MAX_ENTRIES));
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        List<SendMessageBatchRequestEntry> batch = pending;
        SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(batch));
        if (response.failed().isEmpty()) {
          break;
        }
        if (attempt == ATTEMPTS) {
          BatchResultErrorEntry first = response.failed().get(0);
          throw new IllegalStateException(queueUrl + ": " + response.failed().size() + " message(s) not sent after "
              + ATTEMPTS + " attempts, e.g. " + first.code() + ": " + first.message());
        }
        List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
        List<SendMessageBatchRequestEntry> again = new ArrayList<>();
        batch.stream().filter(e -> failedIds.contains(e.id())).forEach(again::add);
        pending = again;
      }
    }
  }
}
