package com.capexalerts.testsupport;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's real DynamoDB stream (moto or LocalStack) and turns its records into the {@link DynamodbEvent} that
 * Lambda would hand the notifier, so tests feed the handler what the service actually produced.
 */
public final class TableStream {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Map<String, String> iterators = new LinkedHashMap<>();

  public TableStream(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table) {
    this.streams = streams;
    this.streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    if (streamArn == null) {
      throw new IllegalStateException("table " + table + " has no stream");
    }
  }

  /** Every record written since the previous call (the first call reads from the stream's start). */
  public List<Record> poll() {
    List<Record> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = iterators.get(shard.shardId());
      if (iterator == null) {
        iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      }
      while (iterator != null) {
        String it = iterator;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(it));
        records.addAll(r.records());
        iterator = r.nextShardIterator();
        if (r.records().isEmpty()) {
          break;
        }
      }
      iterators.put(shard.shardId(), iterator);
    }
    return records;
  }

  /** The Lambda event for these records, as the DynamoDB stream event source would deliver it. */
  public DynamodbEvent toLambdaEvent(List<Record> records) {
    List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
    for (Record r : records) {
      DynamodbEvent.DynamodbStreamRecord e = new DynamodbEvent.DynamodbStreamRecord();
      e.setEventID(r.eventID());
      e.setEventName(r.eventNameAsString());
      e.setEventSource("aws:dynamodb");
      e.setEventVersion(r.eventVersion());
      e.setAwsRegion(r.awsRegion() == null ? LocalAws.REGION.id() : r.awsRegion());
      e.setEventSourceARN(streamArn);
      StreamRecord sr = new StreamRecord();
      software.amazon.awssdk.services.dynamodb.model.StreamRecord d = r.dynamodb();
      sr.setSequenceNumber(d.sequenceNumber());
      sr.setSizeBytes(d.sizeBytes());
      if (d.streamViewType() != null) {
        sr.setStreamViewType(
            com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                d.streamViewTypeAsString()));
      }
      if (d.approximateCreationDateTime() != null) {
        sr.setApproximateCreationDateTime(Date.from(d.approximateCreationDateTime()));
      }
      sr.setKeys(convert(d.keys()));
      sr.setNewImage(convert(d.newImage()));
      sr.setOldImage(convert(d.oldImage()));
      e.setDynamodb(sr);
      out.add(e);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(out);
    return event;
  }

  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> convert(
      Map<String, AttributeValue> image) {
    if (image == null || image.isEmpty()) {
      return null;
    }
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> m = new LinkedHashMap<>();
    image.forEach((k, v) -> m.put(k, convert(v)));
    return m;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue convert(AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(true);
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case L -> out.setL(v.l().stream().map(TableStream::convert).toList());
      case M -> out.setM(convert(v.m()));
      case B -> out.setB(v.b().asByteBuffer());
      case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
      default -> throw new IllegalArgumentException("unsupported attribute type " + v.type());
    }
    return out;
  }
}
