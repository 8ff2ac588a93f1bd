package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellCommand;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a command line on a virtual device, as {@code /system/bin/sh -c} would. */
final class ShellInterpreter {
  private static final Logger LOG = LoggerFactory.getLogger(ShellInterpreter.class);
  static final int NOT_FOUND = 127;
  private static final int SYNTAX_ERROR = 2;

  private final CommandTable commands;

  ShellInterpreter(CommandTable commands) {
    this.commands = commands;
  }

  /**
   * Runs the script and returns its exit status.
   *
   * @throws IOException when the client went away; the rest of the script is not run
   */
  int run(String commandLine, ShellContext session) throws IOException {
    Script script;
    try {
      script = ScriptParser.parse(commandLine);
    } catch (ShellSyntaxException e) {
      session.err("/system/bin/sh: " + e.getMessage() + "\n");
      return SYNTAX_ERROR;
    }
    int status = 0;
    for (Script.Step step : script.steps()) {
      if (!step.connector().runsAfter(status)) {
        continue;
      }
      List<String> words = step.expand(status);
      String name = words.get(0);
      List<String> args = List.copyOf(words.subList(1, words.size()));
      if (name.equals("exit")) {
        return exitStatus(args, status, session);
      }
      status = runOne(name, args, session);
    }
    return status;
  }

  private int runOne(String name, List<String> args, ShellContext session) throws IOException {
    Optional<ShellCommand> command = commands.find(name);
    if (command.isEmpty()) {
      session.err("/system/bin/sh: " + name + ": inaccessible or not found\n");
      return NOT_FOUND;
    }
    try {
      return command.get().run(session, args) & 0xff;
    } catch (RuntimeException e) {
      LOG.warn("shell command '{}' failed on {}", name, session.device().serial(), e);
      session.err("/system/bin/sh: " + name + ": failed in the simulator ("
          + e.getClass().getSimpleName() + ")\n");
      return 1;
    }
  }

  private static int exitStatus(List<String> args, int lastStatus, ShellContext session)
      throws IOException {
    if (args.isEmpty()) {
      return lastStatus;
    }
    try {
      return Integer.parseInt(args.get(0)) & 0xff;
    } catch (NumberFormatException e) {
      session.err("/system/bin/sh: exit: " + args.get(0) + ": bad number\n");
      return SYNTAX_ERROR;
    }
  }
}
