package com.capexalerts.aws.sns;

import com.capexalerts.core.alert.AlertPublisher;
import com.capexalerts.core.alert.Announcement;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * reproducible, and two different alerts never share one.
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
      try (FileChannel channel = FileChannel.open(outbox, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        FileLock lock = channel.lock(); // two local runs at once must not interleave lines
        try {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(false);
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append the alert for event " + announcement.key() + " to outbox "
          + outbox.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The request as one JSON line with the SNS API's field names. */
  static String line(PublishRequest r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("TopicArn", r.topicArn());
    o.put("Subject", r.subject());
    o.put("Message", r.message());
    o.put("MessageStructure", r.messageStructure());
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
