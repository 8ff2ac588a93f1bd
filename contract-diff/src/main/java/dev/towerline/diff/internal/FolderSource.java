package dev.towerline.diff.internal;

import dev.towerline.diff.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Contract files in a folder of the file system. */
public final class FolderSource implements FileSource {
  private final Path folder;
  private final String label;

  public FolderSource(Path folder, String label) {
    this.folder = folder;
    this.label = label;
  }

  @Override
  public Optional<String> read(String relativePath) {
    Path file = folder.resolve(relativePath).normalize();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UsageException("not a spec: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public String label() {
    return label;
  }
}
