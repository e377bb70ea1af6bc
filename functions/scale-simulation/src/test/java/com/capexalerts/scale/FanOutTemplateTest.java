package com.capexalerts.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.pollscheduler.PollSchedulerHandler;
import com.capexalerts.pollworker.DecisionRecorderHandler;
import com.capexalerts.pollworker.PollWorkerHandler;
import com.capexalerts.testsupport.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fan-out functions in template.yaml name handlers that exist, in modules whose Makefile builds them. */
class FanOutTemplateTest {
  @Test
  void everyFanOutFunctionNamesAnExistingHandlerAndABuildTarget() throws Exception {
    Path root = RepoRoot.find();
    String yaml = Files.readString(root.resolve("template.yaml"));
    Map<String, Class<?>> functions = Map.of(
        "PollSchedulerFunction", PollSchedulerHandler.class,
        "PollWorkerFunction", PollWorkerHandler.class,
        "DecisionRecorderFunction", DecisionRecorderHandler.class);
    for (Map.Entry<String, Class<?>> f : functions.entrySet()) {
      Matcher m = Pattern.compile("\n  " + f.getKey() + ":\n(?:    .*\n|\n)*?      CodeUri: (\\S+)\n"
          + "      Handler: (\\S+)::handleRequest\n").matcher(yaml);
      assertTrue(m.find(), f.getKey() + " with CodeUri and Handler in template.yaml");
      assertEquals(f.getValue(), Class.forName(m.group(2)), f.getKey());
      Path makefile = root.resolve(m.group(1)).resolve("Makefile");
      assertTrue(Files.readString(makefile).contains("build-" + f.getKey()), makefile + " builds " + f.getKey());
    }
    assertTrue(yaml.contains("FunctionResponseTypes:\n              - ReportBatchItemFailures"));
    assertTrue(yaml.contains("MaximumConcurrency: !Ref WorkerConcurrency"));
    assertTrue(yaml.contains("FifoQueue: true"));
  }
}
