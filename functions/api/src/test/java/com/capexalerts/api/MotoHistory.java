package com.capexalerts.api;

import com.capexalerts.aws.dynamo.DynamoAnnouncementHistory;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.testsupport.MotoServer;
import java.util.List;
import java.util.UUID;

/** Fresh announcement tables on the shared moto server, filled through the real store. */
final class MotoHistory {
  private MotoHistory() {}

  static DynamoAnnouncementHistory with(List<Announcement> events) {
    TableNames names = TableNames.withPrefix("api" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(MotoServer.dynamo(), names);
    DynamoAnnouncementStore store = new DynamoAnnouncementStore(MotoServer.dynamo(), names.announcements());
    for (Announcement a : events) {
      if (!store.create(a)) {
        throw new IllegalStateException("duplicate test event " + a.key());
      }
    }
    return new DynamoAnnouncementHistory(MotoServer.dynamo(), names.announcements());
  }
}
