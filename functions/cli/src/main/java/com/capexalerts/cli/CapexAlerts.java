package com.capexalerts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** bin/capex-alerts: the local command line over the same domain and handler code as the Lambda functions. */
@Command(
    name = "capex-alerts",
    mixinStandardHelpOptions = true,
    version = "capex-alerts 0.1.0",
    description = "Detects big-tech AI investment announcements in news feeds and alerts on them once.",
    subcommands = {DetectCommand.class, ExplainCommand.class, FeedCommand.class, FeedsCommand.class, RunCommand.class,
      StatusCommand.class, ReplayCommand.class, LedgerCommand.class, ScoreCommand.class, ServeCommand.class,
      CommandLine.HelpCommand.class})
public final class CapexAlerts {
  /** Exit code when some input lines were malformed (they are reported; the others were processed). */
  public static final int EXIT_BAD_LINES = 65;
  /** Exit code when an input or feed could not be read at all. */
  public static final int EXIT_UNREADABLE = 66;

  static {
    // The handlers log through log4j (Powertools); here stdout carries only results, so their configuration
    // (stderr, warnings only) replaces the functions' stdout one, unless the caller chose another.
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "classpath:capex-cli-log4j2.xml");
    }
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new CapexAlerts());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("capex-alerts " + cmd.getCommandName() + ": error: " + ex.getMessage());
      return ex instanceof UnreadableInputException ? EXIT_UNREADABLE : 1;
    });
    return cl;
  }
}
