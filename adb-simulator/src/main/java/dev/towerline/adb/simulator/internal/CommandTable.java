package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellCommand;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The shell's commands: those registered by tests first, then the built-ins. */
public final class CommandTable {
  private final Map<String, ShellCommand> registered = new ConcurrentHashMap<>();
  private final Map<String, ShellCommand> builtins = BuiltinCommands.all();

  public void register(String name, ShellCommand command) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      throw new IllegalArgumentException(
          "command name must be one word without '/': '" + name + "'");
    }
    registered.put(name, command);
  }

  /** Finds a command by name; {@code /system/bin/getprop} finds {@code getprop}. */
  Optional<ShellCommand> find(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    ShellCommand command = registered.get(base);
    return Optional.ofNullable(command != null ? command : builtins.get(base));
  }
}
