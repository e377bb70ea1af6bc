package com.capexalerts.core.poll;

import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;

/** One more outlet carrying an event that already existed: recorded, never alerted again. */
public record SourceAdded(EventKey event, Source source) {}
