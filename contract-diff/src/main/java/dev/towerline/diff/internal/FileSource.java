package dev.towerline.diff.internal;

import java.util.Optional;

/** Where the files of one contract version are read from: a folder, or a folder in a git commit. */
public interface FileSource {
  /** The text of {@code relativePath} (a normalized path with forward slashes), if it exists. */
  Optional<String> read(String relativePath);

  /** What a person would call this source in a report, for example {@code api-spec/releases/1.0.0}. */
  String label();
}
