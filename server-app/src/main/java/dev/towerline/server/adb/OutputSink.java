package dev.towerline.server.adb;

/**
 * Receives a shell command's output as it arrives, decoded as UTF-8 (a character split between
 * two reads is delivered whole with the later chunk). Called on the thread that runs the command,
 * in order. Devices without shell v2 merge stderr into stdout.
 */
public interface OutputSink {

  void stdout(String chunk);

  void stderr(String chunk);

  /** A sink that drops everything, for commands whose exit status is all that matters. */
  static OutputSink discarding() {
    return new OutputSink() {
      @Override
      public void stdout(String chunk) {}

      @Override
      public void stderr(String chunk) {}
    };
  }

  /** A sink that appends stdout to {@code out} and stderr to {@code err}. */
  static OutputSink collecting(StringBuilder out, StringBuilder err) {
    return new OutputSink() {
      @Override
      public void stdout(String chunk) {
        out.append(chunk);
      }

      @Override
      public void stderr(String chunk) {
        err.append(chunk);
      }
    };
  }
}
