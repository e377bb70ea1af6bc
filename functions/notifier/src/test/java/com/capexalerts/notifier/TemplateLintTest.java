package com.capexalerts.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.capexalerts.testsupport.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The SAM template passes cfn-lint and names handlers that exist. */
class TemplateLintTest {
  private final Path template = RepoRoot.find().resolve("template.yaml");

  @Test
  void cfnLintReportsNoProblems() throws Exception {
    Process process;
    try {
      process = new ProcessBuilder("cfn-lint", "--", template.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      String why = "cfn-lint is not installed (" + e.getMessage() + "); install it with: pip install cfn-lint";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
      return;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "cfn-lint did not finish in 120 s");
    assertEquals(0, process.exitValue(), "cfn-lint " + template + " found problems:\n" + output);
  }

  @Test
  void theNotifierHandlerNamedInTheTemplateExists() throws Exception {
    String yaml = Files.readString(template);
    Matcher m = Pattern.compile("Handler: (com\\.capexalerts\\.notifier\\.[A-Za-z.]+)::handleRequest").matcher(yaml);
    assertTrue(m.find(), "no notifier handler in " + template);
    Class<?> handler = Class.forName(m.group(1));
    assertEquals(NotifierHandler.class, handler);
    assertTrue(List.of(handler.getMethods()).stream().anyMatch(x -> x.getName().equals("handleRequest")));
    assertTrue(yaml.contains("CodeUri: functions/notifier\n"), "CodeUri must be the module whose Makefile builds it");
    assertTrue(Files.isRegularFile(RepoRoot.find().resolve("functions/notifier/Makefile")));
  }
}
