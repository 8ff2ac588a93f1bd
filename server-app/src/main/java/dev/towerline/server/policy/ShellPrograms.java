package dev.towerline.server.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs a shell command line runs: the first word of each simple command, after quotes are
 * removed, where commands are separated by {@code ; & | &&} {@code ||} or a new line. Constructs
 * whose programs cannot be known without running a shell — command substitution ({@code $(…)},
 * backquotes), process substitution, subshells and groups — are reported instead, so an allow-list
 * can refuse them rather than be bypassed by them.
 */
final class ShellPrograms {

  /** What a command line runs: its programs, or the construct that hides them. */
  record Found(List<String> programs, Optional<String> unverifiable) {}

  private final String line;
  private final List<String> programs = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private boolean atCommandStart = true;
  private boolean redirectTarget;

  private ShellPrograms(String line) {
    this.line = line;
  }

  static Found of(String line) {
    return new ShellPrograms(line).scan();
  }

  private Found scan() {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`') {
        return unverifiable("`…` (command substitution)");
      }
      if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        return unverifiable("$(…) (command substitution)");
      }
      if ((c == '<' || c == '>') && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        return unverifiable(c + "(…) (process substitution)");
      }
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        int stop = end < 0 ? line.length() : end;
        append(line.substring(i + 1, stop));
        i = stop + 1;
        continue;
      }
      if (c == '"') {
        i = doubleQuoted(i + 1);
        if (i < 0) {
          return unverifiable("$(…) (command substitution)");
        }
        continue;
      }
      if (c == '\\' && i + 1 < line.length()) {
        if (line.charAt(i + 1) != '\n') {
          append(String.valueOf(line.charAt(i + 1)));
        }
        i += 2;
        continue;
      }
      if ((c == '(' || c == '{') && atCommandStart && !inWord) {
        return unverifiable(c + " (subshell or group)");
      }
      if (c == '&' && i + 1 < line.length() && line.charAt(i + 1) == '>') {
        // &> file: a redirection, not the end of a command.
        endWord();
        redirectTarget = true;
        i = afterRedirection(i + 1);
        continue;
      }
      if (c == ';' || c == '&' || c == '|' || c == '\n') {
        endWord();
        atCommandStart = true;
        redirectTarget = false;
      } else if (c == '<' || c == '>') {
        endWord();
        redirectTarget = true;
        i = afterRedirection(i);
        continue;
      } else if (Character.isWhitespace(c)) {
        endWord();
      } else {
        append(String.valueOf(c));
      }
      i++;
    }
    endWord();
    return new Found(List.copyOf(programs), Optional.empty());
  }

  /** The index after the redirection operator at {@code i}: {@code > >> >& >| < <& <>}. */
  private int afterRedirection(int i) {
    int next = i + 1;
    while (next < line.length() && "&|><".indexOf(line.charAt(next)) >= 0 && line.charAt(next) != '(') {
      next++;
    }
    // 2>&1: the target is a descriptor, not a file, and nothing more to skip.
    return next;
  }

  /** Reads a double-quoted part from {@code i}; returns the index after it, or -1 at a command substitution. */
  private int doubleQuoted(int i) {
    StringBuilder text = new StringBuilder();
    while (i < line.length() && line.charAt(i) != '"') {
      char c = line.charAt(i);
      if (c == '`' || (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(')) {
        return -1;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        text.append(line.charAt(i + 1));
        i += 2;
      } else {
        text.append(c);
        i++;
      }
    }
    append(text.toString());
    return i + 1;
  }

  private void append(String text) {
    word.append(text);
    inWord = true;
  }

  private void endWord() {
    if (!inWord) {
      return;
    }
    if (redirectTarget) {
      redirectTarget = false;
    } else if (atCommandStart) {
      programs.add(word.toString());
      atCommandStart = false;
    }
    word.setLength(0);
    inWord = false;
  }

  private Found unverifiable(String construct) {
    return new Found(List.copyOf(programs), Optional.of(construct));
  }
}
