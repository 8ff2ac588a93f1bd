package dev.towerline.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options of the README's run command ({@code java <options> -jar
 * server-app/target/server-app.jar}), so tests that run the packaged jar run it exactly as the
 * README tells users to — the same memory bound included.
 */
public final class ReadmeRunCommand {
  private static final Path README = Path.of("..", "README.md");
  private static final String JAR = "-jar server-app/target/server-app.jar";

  private ReadmeRunCommand() {}

  /** The options between {@code java} and {@code -jar}, in order. */
  public static List<String> jvmOptions() {
    String command = runLine();
    String options = command.substring(command.indexOf("java ") + "java ".length(), command.indexOf(JAR)).trim();
    return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
  }

  private static String runLine() {
    try {
      return Files.readAllLines(README).stream()
          .filter(line -> line.contains(" java ") && line.contains(JAR))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no `java … " + JAR + "` line in " + README.toAbsolutePath()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
