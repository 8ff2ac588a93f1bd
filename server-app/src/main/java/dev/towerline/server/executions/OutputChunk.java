package dev.towerline.server.executions;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A piece of an execution's output: whole UTF-8 characters starting at byte {@code offset} of the
 * output stream.
 *
 * @param byteLength the UTF-8 length of {@code data}
 */
public record OutputChunk(long offset, int byteLength, String data) {
  public OutputChunk {
    Objects.requireNonNull(data, "data");
  }

  public static OutputChunk of(long offset, String data) {
    return new OutputChunk(offset, data.getBytes(StandardCharsets.UTF_8).length, data);
  }

  public long end() {
    return offset + byteLength;
  }
}
