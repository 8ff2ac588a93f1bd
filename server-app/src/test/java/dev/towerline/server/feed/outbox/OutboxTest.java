package dev.towerline.server.feed.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {

  /** A connection that completes each send only when the test says so, like a slow reader. */
  static final class ManualTransport implements FrameTransport {
    final List<String> written = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    Integer closedWith;
    boolean completeInline;

    @Override
    public void send(String text, Consumer<Throwable> done) {
      written.add(text);
      if (completeInline) {
        done.accept(null);
      } else {
        pending.add(done);
      }
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

    transport.pending.remove(0).accept(new java.io.IOException("broken pipe"));

    assertThat(outbox.isClosed()).isTrue();
    assertThat(transport.written).containsExactly("a");
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
}
