package com.capexalerts.aws.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * SendMessageBatch, at most ten entries and {@link #MAX_BYTES} a call, retrying the entries SQS reports failed;
 * throws when some never go.
 */
final class SqsBatches {
  static final int MAX_ENTRIES = 10;
  /** Below SQS's 256 KiB per batch call. */
  static final int MAX_BYTES = 200 * 1024;
  private static final int ATTEMPTS = 4;

  private SqsBatches() {}

  static void send(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries) {
    for (List<SendMessageBatchRequestEntry> call : calls(entries)) {
      List<SendMessageBatchRequestEntry> pending = call;
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

  /** Consecutive groups within the entry and size limits; ids are made unique within each call. */
  static List<List<SendMessageBatchRequestEntry>> calls(List<SendMessageBatchRequestEntry> entries) {
    List<List<SendMessageBatchRequestEntry>> calls = new ArrayList<>();
    List<SendMessageBatchRequestEntry> current = new ArrayList<>();
    long bytes = 0;
    for (SendMessageBatchRequestEntry e : entries) {
      int size = e.messageBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (!current.isEmpty() && (current.size() == MAX_ENTRIES || bytes + size > MAX_BYTES)) {
        calls.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(e.toBuilder().id("m" + current.size()).build());
      bytes += size;
    }
    if (!current.isEmpty()) {
      calls.add(current);
    }
    return calls;
  }
}
