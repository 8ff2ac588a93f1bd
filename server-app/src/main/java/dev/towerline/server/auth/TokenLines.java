package dev.towerline.server.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads token entries, one per line: {@code name role sha256:<hex>}, fields separated by spaces or
 * tabs; blank lines and lines starting with {@code #} are skipped. A line that does not fit is refused
 * with its source and line number, and without its content: a line that does not parse may be a
 * token pasted by mistake.
 */
public final class TokenLines {
  private static final String FORMAT = "expected 'name role sha256:<64 hex digits>'";

  private TokenLines() {}

  /** Entries of an environment variable, where {@code ;} may separate them instead of line breaks. */
  public static List<TokenEntry> parseVariable(String variable, String value) {
    return parse(variable, value.replace(';', '\n'));
  }

  /**
   * @param source names the text in messages (a file path, a variable)
   * @throws IllegalArgumentException naming {@code source} and the line when one does not fit
   */
  public static List<TokenEntry> parse(String source, String text) {
    List<TokenEntry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      TokenEntry entry = entry(line).orElseThrow(() -> invalid(source, number, FORMAT));
      if (!names.add(entry.name())) {
        throw invalid(source, number, "the name " + entry.name() + " is used twice");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  private static Optional<TokenEntry> entry(String line) {
    String[] fields = line.split("[ \\t]+");
    if (fields.length != 3 || !TokenEntry.NAME.matcher(fields[0]).matches()) {
      return Optional.empty();
    }
    Optional<Role> role = Role.fromContractName(fields[1]);
    Optional<TokenHash> hash = TokenHash.parse(fields[2]);
    if (role.isEmpty() || hash.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TokenEntry(fields[0], role.get(), hash.get()));
  }

  private static IllegalArgumentException invalid(String source, int line, String reason) {
    return new IllegalArgumentException(source + " line " + line + ": " + reason + " (the line is not shown: it may hold a secret)");
  }
}
