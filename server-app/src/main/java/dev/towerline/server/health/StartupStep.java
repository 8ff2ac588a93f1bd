package dev.towerline.server.health;

import java.util.Optional;

/**
 * Part of starting that goes on after the server serves, such as finding the devices of an ADB
 * server that is slow to answer. Until every step is done, {@code /health/ready} says which ones
 * it waits for.
 */
public interface StartupStep {
  /** The key it is reported under, e.g. {@code adb}. */
  String name();

  /** Empty once done; until then what it waits for, in words an operator can act on. */
  Optional<String> waitingFor();
}
