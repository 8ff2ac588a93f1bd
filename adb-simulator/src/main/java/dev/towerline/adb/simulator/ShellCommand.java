package dev.towerline.adb.simulator;

import java.io.IOException;
import java.util.List;

/**
 * A command for the simulated device shell, registered with {@link
 * AdbSimulator.Builder#command(String, ShellCommand)} or {@link AdbSimulator#registerCommand}.
 * Registered commands take precedence over the built-in ones.
 *
 * <pre>{@code
 * // prints N lines, one every 100 ms; stops when the client disconnects
 * ShellCommand ticker = (session, args) -> {
 *   for (int i = 1; i <= Integer.parseInt(args.get(0)); i++) {
 *     session.out("line " + i + "\n");
 *     session.sleep(Duration.ofMillis(100));
 *   }
 *   return 0;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ShellCommand {
  /**
   * Runs the command.
   *
   * @param session where to write output, and how to wait
   * @param args the words after the command name, quotes removed and {@code $?} expanded
   * @return the exit status, 0 to 255
   * @throws IOException when the client went away; the shell then stops
   */
  int run(ShellSession session, List<String> args) throws IOException;

  /** A command that prints {@code stdout} and exits with {@code exitStatus}. */
  static ShellCommand printing(String stdout, int exitStatus) {
    return (session, args) -> {
      session.out(stdout);
      return exitStatus;
    };
  }
}
