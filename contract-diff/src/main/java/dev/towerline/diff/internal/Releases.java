package dev.towerline.diff.internal;

import dev.towerline.diff.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The release folders under {@code api-spec/releases/}, one per released version. */
public final class Releases {
  private Releases() {}

  /** The folder of the highest SemVer release in {@code releases}. */
  public static Path latest(Path releases) {
    if (!Files.isDirectory(releases)) {
      throw new UsageException("no releases folder: " + releases);
    }
    try (Stream<Path> folders = Files.list(releases)) {
      Optional<Path> latest = folders.filter(Files::isDirectory)
          .filter(p -> SemVer.parse(p.getFileName().toString()).isPresent())
          .max(Comparator.comparing((Path p) -> SemVer.parse(p.getFileName().toString()).orElseThrow()));
      return latest.orElseThrow(() -> new UsageException("no release (a folder named like 1.0.0) in " + releases));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + releases, e);
    }
  }
}
