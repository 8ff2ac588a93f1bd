package dev.towerline.adb.simulator.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A shell service request: legacy {@code shell:<cmd>}, {@code exec:<cmd>}, or {@code
 * shell,<args>:<cmd>} where args such as {@code v2}, {@code raw}, {@code pty} and {@code TERM=…}
 * are what adb 29 sends ({@code shell,v2,TERM=xterm,raw:echo hello}).
 */
record ShellRequest(String command, boolean v2, boolean pty) {
  static Optional<ShellRequest> parse(String request) {
    if (request.startsWith("exec:")) {
      return Optional.of(new ShellRequest(request.substring(5), false, false));
    }
    int colon = request.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    List<String> head = Arrays.asList(request.substring(0, colon).split(","));
    if (!head.get(0).equals("shell")) {
      return Optional.empty();
    }
    String command = request.substring(colon + 1);
    boolean pty = head.contains("pty") || (command.isEmpty() && !head.contains("raw"));
    return Optional.of(new ShellRequest(command, head.contains("v2"), pty));
  }
}
