package dev.towerline.diff.internal;

import dev.towerline.diff.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Contract files as they were in a git commit, read with {@code git show <commit>:<path>}. */
public final class GitSource implements FileSource {
  private static final long GIT_TIMEOUT_SECONDS = 30;

  private final Path repository;
  private final String ref;
  private final String commit;
  private final String folder;

  private GitSource(Path repository, String ref, String commit, String folder) {
    this.repository = repository;
    this.ref = ref;
    this.commit = commit;
    this.folder = folder;
  }

  /**
   * The contract folder {@code folder} (relative to the repository root) at {@code ref}.
   *
   * @throws UsageException when {@code ref} names no commit of the repository
   */
  public static GitSource at(Path repository, String ref, String folder) {
    GitResult top = git(repository, "rev-parse", "--show-toplevel");
    if (top.exitCode != 0) {
      throw new UsageException("unknown git ref or path: " + ref + " (no such file, and " + repository
          + " is not a git repository)");
    }
    GitResult resolved = git(repository, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (resolved.exitCode != 0 || resolved.stdout.isBlank()) {
      throw new UsageException("unknown git ref or path: " + ref);
    }
    String normalized = folder.replace('\\', '/').replaceAll("^/+|/+$", "");
    return new GitSource(Path.of(top.stdout.strip()), ref, resolved.stdout.strip(), normalized);
  }

  @Override
  public Optional<String> read(String relativePath) {
    String path = folder.isEmpty() ? relativePath : folder + "/" + relativePath;
    GitResult shown = git(repository, "show", commit + ":" + path);
    return shown.exitCode == 0 ? Optional.of(shown.stdout) : Optional.empty();
  }

  @Override
  public String label() {
    return ref + (folder.isEmpty() ? "" : ":" + folder) + " (" + commit.substring(0, Math.min(12, commit.length())) + ")";
  }

  private record GitResult(int exitCode, String stdout) {}

  private static GitResult git(Path directory, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      process.getOutputStream().close();
      String stdout;
      try (InputStream in = process.getInputStream()) {
        stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UsageException("git did not answer within " + GIT_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      return new GitResult(process.exitValue(), stdout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run git (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running git", e);
    }
  }
}
