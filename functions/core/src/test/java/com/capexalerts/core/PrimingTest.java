package com.capexalerts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {
  @Test
  void primingExercisesTheRealFeedReaderAndDetector() {
    List<Finding> findings = Priming.feedAndDetection();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("Microsoft", findings.getFirst().company());
    assertEquals(FindingKind.ANNOUNCEMENT, findings.getFirst().kind());
  }

  @Test
  void primingRendersTheSnsMessage() {
    String message = Priming.alertRenderings();
    assertTrue(message.contains("\"sms\"") && message.contains("\"email\"") && message.contains("\"default\""),
        message);
  }
}
