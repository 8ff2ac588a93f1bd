package dev.towerline.server.adb.internal;

import dev.towerline.server.adb.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy {@code shell:} stream: raw output, stdout and stderr merged, ending when the device
 * closes the connection, with no exit status. The command is sent with an exit marker appended on
 * its own line ({@link #command(String)}), so the stream ends in {@code <marker><status>\n}; that
 * tail is cut off and parsed. Only bytes that could start the marker are held back, so output
 * still streams line by line. A command that ends the shell itself ({@code exit 3}) prints no
 * marker: its status is then unknown.
 */
public final class LegacyShellReader implements ShellStreamReader {

  private final OutputSink sink;
  private final byte[] marker;
  private final Pattern tail;
  private final Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
  private byte[] held = new byte[0];

  /** A reader for a command sent as {@link #command(String)} with this marker. */
  public LegacyShellReader(OutputSink sink, String marker) {
    this.sink = sink;
    this.marker = marker.getBytes(StandardCharsets.US_ASCII);
    this.tail = Pattern.compile(Pattern.quote(marker) + "(\\d{1,3})\\r?\\n?");
  }

  /** A fresh marker, unlikely to appear in any output. */
  public static String newMarker() {
    return String.format("__TL_EXIT_%08x__", ThreadLocalRandom.current().nextInt());
  }

  /** The command line that prints the marker and the command's status after it. */
  public static String command(String command, String marker) {
    // On its own line, so a trailing comment or ';' in the command cannot swallow it.
    return command + "\necho \"" + marker + "$?\"";
  }

  @Override
  public OptionalInt readToEnd(AdbSocket socket) throws IOException {
    byte[] buffer = new byte[8192];
    int n;
    while ((n = socket.read(buffer, 0, buffer.length)) >= 0) {
      byte[] joined = Arrays.copyOf(held, held.length + n);
      System.arraycopy(buffer, 0, joined, held.length, n);
      int keep = holdFrom(joined);
      forward(joined, keep);
      held = Arrays.copyOfRange(joined, keep, joined.length);
    }
    String rest = new String(held, StandardCharsets.UTF_8);
    Matcher end = tail.matcher(rest);
    if (end.matches()) {
      held = new byte[0];
      flushHeld();
      return OptionalInt.of(Integer.parseInt(end.group(1)) & 0xff);
    }
    flushHeld();
    return OptionalInt.empty();
  }

  @Override
  public void flushHeld() {
    forward(held, held.length);
    held = new byte[0];
    String last = decoder.finish();
    if (!last.isEmpty()) {
      sink.stdout(last);
    }
  }

  private void forward(byte[] bytes, int length) {
    if (length == 0) {
      return;
    }
    String text = decoder.decode(bytes, 0, length);
    if (!text.isEmpty()) {
      sink.stdout(text);
    }
  }

  /** Where the marker starts, or the longest tail that could be its beginning. */
  private int holdFrom(byte[] bytes) {
    int found = indexOf(bytes, marker);
    if (found >= 0) {
      return found;
    }
    for (int k = Math.min(bytes.length, marker.length - 1); k > 0; k--) {
      if (Arrays.equals(bytes, bytes.length - k, bytes.length, marker, 0, k)) {
        return bytes.length - k;
      }
    }
    return bytes.length;
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
