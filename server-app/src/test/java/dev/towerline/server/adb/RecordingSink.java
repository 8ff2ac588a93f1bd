package dev.towerline.server.adb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An output sink that remembers every chunk, in order, and when it arrived. */
public final class RecordingSink implements OutputSink {

  /** One chunk: which stream, the text, and System.nanoTime() on arrival. */
  public record Chunk(boolean stderr, String text, long arrivedNanos) {}

  private final List<Chunk> chunks = new CopyOnWriteArrayList<>();

  @Override
  public void stdout(String chunk) {
    chunks.add(new Chunk(false, chunk, System.nanoTime()));
  }

  @Override
  public void stderr(String chunk) {
    chunks.add(new Chunk(true, chunk, System.nanoTime()));
  }

  public List<Chunk> chunks() {
    return chunks;
  }

  public String stdout() {
    StringBuilder text = new StringBuilder();
    chunks.stream().filter(c -> !c.stderr()).forEach(c -> text.append(c.text()));
    return text.toString();
  }

  public String stderr() {
    StringBuilder text = new StringBuilder();
    chunks.stream().filter(Chunk::stderr).forEach(c -> text.append(c.text()));
    return text.toString();
  }
}
