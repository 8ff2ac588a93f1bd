package dev.towerline.docs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-written guides ({@code docs/guides/*.md}), each rendered to {@code guides/<name>.html}. */
final class GuidePages {
  static final String DIR = "guides";

  /** One guide: its file name without {@code .md}, its title and its Markdown. */
  record Guide(String name, String title, String markdown) {
    String file() {
      return DIR + "/" + name + ".html";
    }

    /**
     * The first sentence after the title, for the index. Links are reduced to their text: their
     * targets are relative to {@code guides/}, not to the index.
     */
    String summary() {
      String paragraph = markdown.lines()
          .dropWhile(line -> line.isBlank() || line.startsWith("#"))
          .takeWhile(line -> !line.isBlank())
          .reduce((a, b) -> a + " " + b.trim())
          .orElse("")
          .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
      return Markdown.firstSentence(paragraph);
    }
  }

  private GuidePages() {}

  /** The guides in {@code dir}, sorted by file name. */
  static List<Guide> read(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().map(GuidePages::guide).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list guides in " + dir, e);
    }
  }

  private static Guide guide(Path file) {
    try {
      String markdown = Files.readString(file);
      String name = file.getFileName().toString().replaceFirst("\\.md$", "");
      return new Guide(name, Markdown.title(markdown).orElse(name), markdown);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read guide " + file, e);
    }
  }

  static String render(Guide guide, String contractVersion) {
    return PageLayout.page(guide.title(), "../", contractVersion, Markdown.render(guide.markdown()));
  }
}
