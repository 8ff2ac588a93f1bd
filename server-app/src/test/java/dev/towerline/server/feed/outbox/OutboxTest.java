package dev.towerline.server.feed.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {

  /** A connection that completes each send only when the test says so, like a slow reader. */
  static final class ManualTransport implements FrameTransport {
    final List<String> written = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();
    Integer closedWith;
    boolean completeInline;
    Error throwOnSend;

    @Override
    public void send(SharedTextFrame frame, Consumer<Throwable> done) {
      if (throwOnSend != null) {
        throw throwOnSend;
      }
      written.add(frame.text());
      if (completeInline) {
        done.accept(null);
      } else {
        pending.add(done);
      }
    }

    @Override
    public void sendFailed(Throwable cause) {
      failures.add(cause);
    }

    @Override
    public void close(int code, String reason) {
      closedWith = code;
    }

    void completeOne() {
      pending.remove(0).accept(null);
    }
  }

  @Test
  void sendsOneFrameAtATimeInOrder() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(10, 1_000));

    outbox.offer("a");
    outbox.offer("b");
    outbox.offer("c");
    assertThat(transport.written).containsExactly("a");
    assertThat(outbox.backlog()).isEqualTo(2);

    transport.completeOne();
    transport.completeOne();
    transport.completeOne();

    assertThat(transport.written).containsExactly("a", "b", "c");
    assertThat(outbox.backlog()).isZero();
  }

  @Test
  void closesWith1013WhenTheConsumerFallsTooFarBehind() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(2, 1_000));

    assertThat(outbox.offer("in flight")).isTrue();
    assertThat(outbox.offer("queued 1")).isTrue();
    assertThat(outbox.offer("queued 2")).isTrue();
    assertThat(outbox.offer("one too many")).isFalse();

    assertThat(transport.closedWith).isEqualTo(Outbox.CLOSE_TRY_AGAIN_LATER);
    assertThat(outbox.isClosed()).isTrue();
    assertThat(outbox.backlog()).isZero();
    assertThat(outbox.offer("after close")).isFalse();
  }

  @Test
  void boundsQueuedBytesNotOnlyFrames() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(100, 10));

    outbox.offer("in flight");
    outbox.offer("12345");
    assertThat(outbox.offer("123456")).isFalse();

    assertThat(transport.closedWith).isEqualTo(Outbox.CLOSE_TRY_AGAIN_LATER);
  }

  @Test
  void aFailedSendStopsTheOutbox() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(10, 1_000));
    outbox.offer("a");
    outbox.offer("b");

    java.io.IOException brokenPipe = new java.io.IOException("broken pipe");
    transport.pending.remove(0).accept(brokenPipe);

    assertThat(outbox.isClosed()).isTrue();
    assertThat(transport.written).containsExactly("a");
    assertThat(transport.failures).containsExactly(brokenPipe);
  }

  @Test
  void anErrorThrownBySendIsReportedOnceAndNeverReachesTheCaller() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(10, 1_000));
    // What Tyrus throws for text it cannot encode as UTF-8.
    transport.throwOnSend = new Error(new java.nio.charset.MalformedInputException(1));

    boolean offered = outbox.offer("\ud800");

    assertThat(offered).isTrue();
    assertThat(transport.failures).containsExactly(transport.throwOnSend);
    assertThat(outbox.isClosed()).isTrue();
    assertThat(outbox.offer("next")).isFalse();
    assertThat(transport.failures).hasSize(1);
  }

  @Test
  void aFailureAfterDiscardIsNotReported() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(10, 1_000));
    outbox.offer("a");

    outbox.discard();
    transport.pending.remove(0).accept(new java.io.IOException("closed"));

    assertThat(transport.failures).isEmpty();
  }

  @Test
  void sendsThatCompleteInlineDoNotGrowTheStack() {
    ManualTransport transport = new ManualTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(200_000, Long.MAX_VALUE));
    transport.completeInline = false;
    outbox.offer("first");
    for (int i = 0; i < 100_000; i++) {
      outbox.offer("frame " + i);
    }
    transport.completeInline = true;

    transport.completeOne();

    assertThat(transport.written).hasSize(100_001);
    assertThat(outbox.backlog()).isZero();
  }

  /** A connection that writes the frame's bytes, as the server's WebSocket sessions do, and may fail the write. */
  static final class WritingTransport implements FrameTransport {
    final List<ByteBuffer> written = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();
    Throwable failWith;

    @Override
    public void send(SharedTextFrame frame, Consumer<Throwable> done) {
      ByteBuffer bytes = frame.bytes();
      if (failWith != null) {
        done.accept(failWith);
        return;
      }
      ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
      copy.put(bytes).flip(); // Consumes the view, as a socket write does.
      written.add(copy);
      done.accept(null);
    }

    @Override
    public void sendFailed(Throwable cause) {
      failures.add(cause);
    }

    @Override
    public void close(int code, String reason) {}
  }

  @Test
  void oneSharedFrameReachesEveryOutboxWholeWhileOneOfThemFails() {
    List<WritingTransport> transports = List.of(new WritingTransport(), new WritingTransport(), new WritingTransport());
    IOException reset = new IOException("Connection reset by peer");
    transports.get(1).failWith = reset;
    List<Outbox> outboxes = transports.stream().map(t -> new Outbox(t, new OutboxLimits(10, 1_000))).toList();
    SharedTextFrame frame = new SharedTextFrame("{\"type\":\"device.updated\",\"seq\":7}");

    outboxes.forEach(outbox -> outbox.offer(frame));
    outboxes.forEach(outbox -> outbox.offer(frame));

    for (int i : new int[] {0, 2}) {
      assertThat(transports.get(i).written).hasSize(2).allSatisfy(bytes -> assertThat(bytes).isEqualTo(frame.bytes()));
      assertThat(transports.get(i).failures).isEmpty();
    }
    assertThat(transports.get(1).failures).containsExactly(reset);
    assertThat(outboxes.get(1).isClosed()).isTrue();
  }

  @Test
  void aFrameThatCannotBeEncodedFailsItsSendOnceAndClosesTheOutbox() {
    WritingTransport transport = new WritingTransport();
    Outbox outbox = new Outbox(transport, new OutboxLimits(10, 1_000));

    assertThat(outbox.offer(new SharedTextFrame("{\"nonce\":\"\ud800\"}"))).isTrue();

    assertThat(transport.failures).singleElement().isInstanceOf(SharedTextFrame.UnencodableTextException.class);
    assertThat(outbox.isClosed()).isTrue();
    assertThat(outbox.offer("next")).isFalse();
    assertThat(transport.written).isEmpty();
  }
}
