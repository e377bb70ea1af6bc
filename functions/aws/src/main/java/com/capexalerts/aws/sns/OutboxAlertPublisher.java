package com.capexalerts.aws.sns;

import com.capexalerts.core.alert.AlertPublisher;
import com.capexalerts.core.alert.Announcement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * For local runs without SNS: appends the exact Publish request that {@link SnsAlertPublisher} would send as one JSON
 * line (the field names of the SNS API, so a line can be replayed with {@code aws sns publish --cli-input-json}).
 *
 * <p>The returned message id is a name-based UUID of the line: the same request gives the same id, so runs are
 * reproducible, and two different alerts never share one. The outbox holds at most one line per event: publishing an
 * event already in it returns that line's id and appends nothing, which makes the local publish and its record one
 * step as far as a crash is concerned.
 */
public final class OutboxAlertPublisher implements AlertPublisher {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path outbox;
  private final String topicArn;

  /**
   * @param outbox   the JSON-lines file (created with its folders on first publish), e.g. {@code <state>/outbox.jsonl}
   * @param topicArn the topic the lines name, e.g. {@code arn:aws:sns:us-east-1:000000000000:capex-alerts}
   */
  public OutboxAlertPublisher(Path outbox, String topicArn) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.topicArn = SnsAlertPublisher.requireTopic(topicArn); // a bad ARN fails now, not at the first alert
  }

  @Override
  public String publish(Announcement announcement) {
    String line = line(SnsAlertPublisher.request(topicArn, announcement));
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path parent = outbox.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (FileChannel channel = FileChannel.open(outbox, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock(); // two local runs at once must not interleave lines
        try {
          // The line is the publish: a run killed after appending but before its state recorded the publish finds
          // its line here on the retry and answers with it instead of sending the alert a second time.
          String existing = completeLines(channel, announcement.key().value());
          if (existing != null) {
            return messageId(existing);
          }
          long end = channel.size();
          try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
              channel.write(buffer, end + buffer.position());
            }
            channel.force(false);
          } catch (IOException e) {
            channel.truncate(end); // a half-written line (full disk) is no publish; the retry writes it whole
            throw e;
          }
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append the alert for event " + announcement.key() + " to outbox "
          + outbox.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return messageId(line);
  }

  private static String messageId(String line) {
    return UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * Drops a torn last line (a crash or full disk mid-append) and returns the complete line already carrying the
   * event, or null.
   */
  private static String completeLines(FileChannel channel, String eventKey) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return null;
    }
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
    while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
      // read to the end
    }
    String text = new String(all.array(), 0, all.position(), StandardCharsets.UTF_8);
    int lastNewline = text.lastIndexOf('\n');
    if (lastNewline + 1 < text.length()) {
      channel.truncate(lastNewline + 1L);
      text = text.substring(0, lastNewline + 1);
    }
    for (String existing : text.split("\n")) {
      if (existing.contains(eventKey) && eventKey.equals(eventKeyOf(existing))) {
        return existing;
      }
    }
    return null;
  }

  /** The event key an outbox line carries (in its JSON message), or null for a line that is not one of ours. */
  public static String eventKeyOf(String line) {
    try {
      JsonNode message = JSON.readTree(JSON.readTree(line).path("Message").asText(""));
      JsonNode event = JSON.readTree(message.path("sqs").asText(""));
      return event == null ? null : event.path("event_key").asText(null);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The request as one JSON line with the SNS API's field names. */
  static String line(PublishRequest r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("TopicArn", r.topicArn());
    o.put("Subject", r.subject());
    o.put("Message", r.message());
    o.put("MessageStructure", r.messageStructure());
    if (r.messageDeduplicationId() != null) {
      o.put("MessageGroupId", r.messageGroupId());
      o.put("MessageDeduplicationId", r.messageDeduplicationId());
    }
    ObjectNode attributes = o.putObject("MessageAttributes");
    for (var e : r.messageAttributes().entrySet()) {
      MessageAttributeValue v = e.getValue();
      attributes.putObject(e.getKey()).put("DataType", v.dataType()).put("StringValue", v.stringValue());
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write outbox line", e);
    }
  }
}
