package com.capexalerts.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process, as bin/capex-alerts would, and keeps what it printed for the assertions. */
final class Cli {
  /** The exit code and everything written to standard output and standard error. */
  record Result(int exit, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    CommandLine cl = CapexAlerts.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
