package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WsFrameReaderTest {
  private final Recorder recorder = new Recorder();
  private final WsFrameReader reader = new WsFrameReader(recorder);

  @AfterEach
  void nothingElseWasSaid() {
    recorder.assertExhausted();
  }

  @Test
  void readsAFrameSplitAcrossReadsOneByteAtATime() {
    byte[] frame = ServerFrames.text("{\"type\":\"device.updated\"}");

    for (int i = 0; i < frame.length; i++) {
      reader.read(frame, i, 1, 1000 + i);
    }

    recorder.assertNextText("{\"type\":\"device.updated\"}", 1000 + frame.length - 1);
  }

  @Test
  void readsSeveralFramesInOneReadWithTheArrivalOfThatRead() {
    byte[] data = ServerFrames.concat(ServerFrames.text("one"), ServerFrames.text("two"), ServerFrames.text("three"));

    reader.read(data, 0, data.length, 42);

    recorder.assertNextText("one", 42);
    recorder.assertNextText("two", 42);
    recorder.assertNextText("three", 42);
  }

  @Test
  void readsSixteenBitLengthsSplitInsideTheHeader() {
    String snapshot = "s".repeat(17_032);
    byte[] frame = ServerFrames.text(snapshot);

    reader.read(frame, 0, 3, 1);
    reader.read(frame, 3, 5000, 2);
    reader.read(frame, 5003, frame.length - 5003, 3);

    assertThat(frame[1]).isEqualTo((byte) 126);
    recorder.assertNextText(snapshot, 3);
  }

  @Test
  void readsSixtyFourBitLengths() {
    String large = "x".repeat(70_000);
    byte[] frame = ServerFrames.concat(ServerFrames.text(large), ServerFrames.text("after"));

    reader.read(frame, 0, 65_536, 1);
    reader.read(frame, 65_536, frame.length - 65_536, 2);

    assertThat(frame[1]).isEqualTo((byte) 127);
    recorder.assertNextText(large, 2);
    recorder.assertNextText("after", 2);
  }

  @Test
  void joinsFragmentsAndAnswersAPingBetweenThem() {
    byte[] data = ServerFrames.concat(
        ServerFrames.frame(false, WsFrameReader.OPCODE_TEXT, bytes("{\"type\":")),
        ServerFrames.frame(true, WsFrameReader.OPCODE_PING, bytes("hb")),
        ServerFrames.frame(false, WsFrameReader.OPCODE_CONTINUATION, bytes("\"device.")),
        ServerFrames.frame(true, WsFrameReader.OPCODE_CONTINUATION, bytes("updated\"}")));

    reader.read(data, 0, data.length, 7);

    recorder.assertNextPing("hb");
    recorder.assertNextText("{\"type\":\"device.updated\"}", 7);
  }

  @Test
  void readsTheCloseCodeAndNoCodeAs1005() {
    byte[] data = ServerFrames.close(1013);
    reader.read(data, 0, data.length, 1);
    recorder.assertNextClose(1013);

    WsFrameReader other = new WsFrameReader(recorder);
    byte[] empty = ServerFrames.frame(true, WsFrameReader.OPCODE_CLOSE, new byte[0]);
    other.read(empty, 0, empty.length, 1);
    recorder.assertNextClose(1005);
  }

  @Test
  void failsAMaskedServerFrameAndReadsNothingAfterIt() {
    byte[] masked = {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'a' ^ 1};
    byte[] data = ServerFrames.concat(masked, ServerFrames.text("never"));

    reader.read(data, 0, data.length, 1);

    recorder.assertNextProtocolError(1002);
  }

  @Test
  void failsAContinuationWithoutAMessage() {
    byte[] data = ServerFrames.frame(true, WsFrameReader.OPCODE_CONTINUATION, bytes("x"));

    reader.read(data, 0, data.length, 1);

    recorder.assertNextProtocolError(1002);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Records what the reader reports, in order (okhttp WebSocketRecorder style). */
  private static final class Recorder implements WsFrameReader.Listener {
    private final List<String> events = new ArrayList<>();

    @Override
    public void text(byte[] data, int offset, int length, long arrivalNanos) {
      events.add("text " + arrivalNanos + " " + new String(data, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void ping(byte[] payload, int length) {
      events.add("ping " + new String(payload, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public void close(int code) {
      events.add("close " + code);
    }

    @Override
    public void protocolError(int closeCode, String reason) {
      events.add("error " + closeCode);
    }

    void assertNextText(String text, long arrivalNanos) {
      assertNext("text " + arrivalNanos + " " + text);
    }

    void assertNextPing(String payload) {
      assertNext("ping " + payload);
    }

    void assertNextClose(int code) {
      assertNext("close " + code);
    }

    void assertNextProtocolError(int code) {
      assertNext("error " + code);
    }

    private void assertNext(String expected) {
      assertThat(events).as("events left").isNotEmpty();
      String next = events.remove(0);
      assertThat(next.length()).as("event length").isEqualTo(expected.length());
      assertThat(next).isEqualTo(expected);
    }

    void assertExhausted() {
      assertThat(events).isEmpty();
    }
  }
}
