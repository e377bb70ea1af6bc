package com.capexalerts.cli;

import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.cli.state.FileCommitmentLedger;
import com.capexalerts.core.ledger.Commitment;
import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.core.ledger.LedgerFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = {
      "The ledger of known commitments: what makes a restated pledge no new alert.",
      "list: key, company, USD, period, origin (seed, alert, mention), first seen, sources. export: JSON Lines"
          + " (the seed format plus key, origin, first_seen, sources). import FILE: adds the entries whose key is"
          + " new (origin seed when the line has none); never notifies.",
      "On the embedded --state (default ./.capex-state), or with --endpoint URL on the ledger table."
    })
final class LedgerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "list|import|export", description = "what to do")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "import: the JSON Lines file")
  Path file;

  @Option(names = "--state", paramLabel = "DIR", defaultValue = "./.capex-state",
      description = "folder of the embedded state (default: ${DEFAULT-VALUE})")
  Path state;

  @Option(names = "--endpoint", paramLabel = "URL", description = "DynamoDB endpoint (moto server, LocalStack)")
  URI endpoint;

  @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = "capex-alerts",
      description = "with --endpoint and no LEDGER_TABLE: table PREFIX-announcements-ledger (default: ${DEFAULT-VALUE})")
  String tablePrefix;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CommitmentLedger ledger = ledger();
    switch (action) {
      case "list" -> {
        out.printf("%-36s %-10s %10s  %-18s %-8s %-10s %s%n", "KEY", "COMPANY", "USD", "PERIOD", "ORIGIN",
            "FIRST SEEN", "SOURCES");
        for (Commitment c : sorted(ledger.all())) {
          out.printf("%-36s %-10s %10s  %-18s %-8s %-10s %d%n", c.key(), c.company(), billions(c.amountUsd()),
              c.period() == null ? "-" : c.period(), c.origin().wireName(),
              c.firstSeen().toString().substring(0, 10), c.sources());
        }
      }
      case "export" -> sorted(ledger.all()).forEach(c -> out.println(LedgerFile.toLine(c)));
      case "import" -> {
        if (file == null) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), "import needs a FILE");
        }
        LedgerFile.Read read;
        try (BufferedReader r = Files.newBufferedReader(file)) {
          read = LedgerFile.read(r, file.toString(), Instant.now());
        } catch (IOException e) {
          throw new UnreadableInputException("cannot read " + file + ": " + DetectCommand.describe(e), e);
        }
        read.errors().forEach(e -> err.println("capex-alerts ledger: " + e));
        int added = 0;
        for (Commitment c : read.entries()) {
          added += ledger.record(c) ? 1 : 0;
        }
        err.printf("capex-alerts ledger: %d entr%s imported, %d already known%n", added, added == 1 ? "y" : "ies",
            read.entries().size() - added);
        out.flush();
        return read.errors().isEmpty() ? 0 : CapexAlerts.EXIT_BAD_LINES;
      }
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown action '" + action + "': list, import or export");
    }
    out.flush();
    return 0;
  }

  private CommitmentLedger ledger() {
    if (endpoint == null) {
      return new FileCommitmentLedger(state);
    }
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(endpoint).build();
    String table = System.getenv(TableNames.LEDGER_VAR) != null ? System.getenv(TableNames.LEDGER_VAR)
        : TableNames.withPrefix(tablePrefix).ledger();
    return new DynamoCommitmentLedger(dynamo, table);
  }

  private static List<Commitment> sorted(List<Commitment> all) {
    return all.stream().sorted(Comparator.comparing(Commitment::company).thenComparing(Commitment::announced)
        .thenComparing(Commitment::key)).toList();
  }

  private static String billions(BigDecimal usd) {
    return "$" + usd.divide(new BigDecimal("1e9"), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "B";
  }
}
