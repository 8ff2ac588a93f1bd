package dev.towerline.adb.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/** A parsed shell script: simple commands joined by {@code ;}, {@code &&} or {@code ||}. */
record Script(List<Script.Step> steps) {

  /** When a step runs, given the exit status of the step before. */
  enum Connector {
    ALWAYS,
    IF_SUCCESS,
    IF_FAILURE;

    boolean runsAfter(int lastStatus) {
      switch (this) {
        case IF_SUCCESS:
          return lastStatus == 0;
        case IF_FAILURE:
          return lastStatus != 0;
        default:
          return true;
      }
    }
  }

  /** One simple command: its words, still to be expanded. */
  record Step(Connector connector, List<Word> words) {
    List<String> expand(int lastStatus) {
      List<String> expanded = new ArrayList<>(words.size());
      words.forEach(word -> expanded.add(word.expand(lastStatus)));
      return expanded;
    }
  }

  /**
   * One word with quotes removed. {@code $?} is the only expansion; it sits between consecutive
   * literal pieces, so a word with n expansions has n + 1 pieces.
   */
  record Word(List<String> pieces) {
    String expand(int lastStatus) {
      return String.join(Integer.toString(lastStatus), pieces);
    }
  }
}
