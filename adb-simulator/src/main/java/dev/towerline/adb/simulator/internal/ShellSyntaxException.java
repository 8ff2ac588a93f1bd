package dev.towerline.adb.simulator.internal;

/** A script the simulated shell cannot run: bad syntax, or a construct it does not support. */
final class ShellSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  ShellSyntaxException(String message) {
    super(message);
  }
}
