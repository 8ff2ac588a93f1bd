package dev.towerline.server.feed.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.MalformedInputException;
import java.util.stream.Stream;
import org.glassfish.tyrus.core.MaskingKeyGenerator;
import org.glassfish.tyrus.core.ProtocolHandler;
import org.glassfish.tyrus.core.frame.Frame;
import org.glassfish.tyrus.core.frame.TextFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SharedTextFrameTest {

  /** Texts at each edge of the three length encodings (7, 16 and 64 bit), counted in UTF-8 bytes. */
  static Stream<String> texts() {
    return Stream.of(
        "",
        "{}",
        "a".repeat(125),
        "a".repeat(126),
        "é".repeat(63), // 63 characters, 126 bytes: the length counts bytes, not characters
        "a".repeat(0xFFFF),
        "a".repeat(0x10000),
        "€".repeat(30_000), // 90,000 bytes
        "{\"type\":\"device.updated\",\"device\":{\"model\":\"Pixel 😀 ü\"}}");
  }

  @ParameterizedTest
  @MethodSource("texts")
  void writesTheBytesTyrusWritesForTheSameTextOnTheServerSide(String text) throws Exception {
    assertThat(toArray(new SharedTextFrame(text).bytes())).isEqualTo(toArray(tyrusServerFrame(text)));
  }

  @Test
  void everyCallGivesAReadOnlyViewOfItsOwnAtTheStart() {
    SharedTextFrame frame = new SharedTextFrame("{\"seq\":1}");
    ByteBuffer first = frame.bytes();
    first.get(new byte[first.remaining()]); // What a writer does to the buffer it is given.

    ByteBuffer second = frame.bytes();

    assertThat(second.position()).isZero();
    assertThat(second.remaining()).isEqualTo(2 + "{\"seq\":1}".length());
    assertThat(second.isReadOnly()).isTrue();
    assertThatThrownBy(() -> second.put(0, (byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
  }

  @Test
  void textWithALoneSurrogateCannotBeEncodedAsTyrusCannotEncodeIt() {
    String text = "{\"a\":\"x\ud800\"}";

    assertThatThrownBy(() -> new SharedTextFrame(text).bytes())
        .isInstanceOf(SharedTextFrame.UnencodableTextException.class)
        .hasMessage("text has no UTF-8 form: a lone UTF-16 surrogate at index 7")
        .hasCauseInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> new TextFrame(text, false, true)).isInstanceOf(Error.class).hasCauseInstanceOf(MalformedInputException.class);
  }

  @Test
  void aWellFormedSurrogatePairIsEncoded() {
    assertThat(toArray(new SharedTextFrame("😀").bytes())).containsExactly(0x81, 4, 0xF0, 0x9F, 0x98, 0x80);
  }

  /** What Tyrus' server-side protocol handler writes for a whole text message (no extension). */
  private static ByteBuffer tyrusServerFrame(String text) throws Exception {
    Constructor<ProtocolHandler> constructor = ProtocolHandler.class.getDeclaredConstructor(boolean.class, MaskingKeyGenerator.class);
    constructor.setAccessible(true);
    ProtocolHandler server = constructor.newInstance(false, null);
    Method frame = ProtocolHandler.class.getDeclaredMethod("frame", Frame.class);
    frame.setAccessible(true);
    return (ByteBuffer) frame.invoke(server, new TextFrame(text, false, true));
  }

  private static int[] toArray(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate();
    int[] bytes = new int[view.remaining()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = view.get() & 0xFF;
    }
    return bytes;
  }
}
