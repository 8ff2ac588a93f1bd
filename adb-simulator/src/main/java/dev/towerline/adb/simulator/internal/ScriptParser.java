package dev.towerline.adb.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way {@code /system/bin/sh} would, for the subset the simulator runs:
 * words, single and double quotes, backslash escapes, {@code $?}, comments, and {@code ;}, newline,
 * {@code &&}, {@code ||} between simple commands. Pipes, redirections, background jobs and command
 * substitution are refused rather than run wrongly.
 */
final class ScriptParser {
  private final String text;
  private int pos;
  private final List<Script.Step> steps = new ArrayList<>();
  private final List<Script.Word> words = new ArrayList<>();
  private final List<String> pieces = new ArrayList<>();
  private final StringBuilder piece = new StringBuilder();
  private boolean inWord;
  private Script.Connector connector = Script.Connector.ALWAYS;

  private ScriptParser(String text) {
    this.text = text;
  }

  static Script parse(String text) throws ShellSyntaxException {
    return new ScriptParser(text).parseAll();
  }

  private Script parseAll() throws ShellSyntaxException {
    while (pos < text.length()) {
      parseNext(text.charAt(pos));
    }
    endWord();
    if (words.isEmpty() && connector != Script.Connector.ALWAYS) {
      throw new ShellSyntaxException("syntax error: unexpected end of file");
    }
    endStep(Script.Connector.ALWAYS, "");
    return new Script(List.copyOf(steps));
  }

  private void parseNext(char c) throws ShellSyntaxException {
    switch (c) {
      case '\'':
        singleQuoted();
        break;
      case '"':
        doubleQuoted();
        break;
      case '\\':
        escaped();
        break;
      case '$':
        dollar();
        break;
      case ' ':
      case '\t':
      case '\r':
        endWord();
        pos++;
        break;
      case ';':
      case '\n':
        separator(Script.Connector.ALWAYS, 1, String.valueOf(c));
        break;
      case '&':
        requireDoubled('&', "background jobs ('&')");
        separator(Script.Connector.IF_SUCCESS, 2, "&&");
        break;
      case '|':
        requireDoubled('|', "pipes ('|')");
        separator(Script.Connector.IF_FAILURE, 2, "||");
        break;
      case '<':
      case '>':
        throw unsupported("redirections ('" + c + "')");
      case '`':
        throw unsupported("command substitution ('`')");
      case '#':
        if (!inWord) {
          skipComment();
          break;
        }
        literal(c);
        break;
      default:
        literal(c);
    }
  }

  private void literal(char c) {
    inWord = true;
    piece.append(c);
    pos++;
  }

  private void singleQuoted() throws ShellSyntaxException {
    int end = text.indexOf('\'', pos + 1);
    if (end < 0) {
      throw new ShellSyntaxException("syntax error: unterminated quoted string");
    }
    inWord = true;
    piece.append(text, pos + 1, end);
    pos = end + 1;
  }

  private void doubleQuoted() throws ShellSyntaxException {
    inWord = true;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
        if (text.charAt(pos + 1) != '\n') {
          piece.append(text.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$') {
        dollar();
      } else if (c == '`') {
        throw unsupported("command substitution ('`')");
      } else {
        piece.append(c);
        pos++;
      }
    }
    throw new ShellSyntaxException("syntax error: unterminated quoted string");
  }

  private void escaped() {
    inWord = true;
    if (pos + 1 >= text.length()) {
      piece.append('\\');
      pos++;
      return;
    }
    char next = text.charAt(pos + 1);
    if (next != '\n') {
      piece.append(next);
    }
    pos += 2;
  }

  /** {@code $?} expands; {@code $(} is refused; any other {@code $} stays literal. */
  private void dollar() throws ShellSyntaxException {
    char next = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
    if (next == '(') {
      throw unsupported("command substitution ('$(')");
    }
    inWord = true;
    if (next == '?') {
      pieces.add(piece.toString());
      piece.setLength(0);
      pos += 2;
    } else {
      piece.append('$');
      pos++;
    }
  }

  private void skipComment() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void requireDoubled(char c, String what) throws ShellSyntaxException {
    if (pos + 1 >= text.length() || text.charAt(pos + 1) != c) {
      throw unsupported(what);
    }
  }

  private void separator(Script.Connector next, int length, String token)
      throws ShellSyntaxException {
    endWord();
    pos += length;
    endStep(next, token);
  }

  private void endWord() {
    if (!inWord) {
      return;
    }
    pieces.add(piece.toString());
    words.add(new Script.Word(List.copyOf(pieces)));
    pieces.clear();
    piece.setLength(0);
    inWord = false;
  }

  private void endStep(Script.Connector next, String token) throws ShellSyntaxException {
    if (words.isEmpty()) {
      // "a;;", a trailing ";" and a newline after "&&" are harmless; a dangling "&&" is not.
      if (token.equals("\n")) {
        return;
      }
      if (next != Script.Connector.ALWAYS || connector != Script.Connector.ALWAYS) {
        throw new ShellSyntaxException("syntax error: unexpected '" + token + "'");
      }
      return;
    }
    steps.add(new Script.Step(connector, List.copyOf(words)));
    words.clear();
    connector = next;
  }

  private static ShellSyntaxException unsupported(String what) {
    return new ShellSyntaxException(what + " not supported by the Towerline ADB simulator");
  }
}
