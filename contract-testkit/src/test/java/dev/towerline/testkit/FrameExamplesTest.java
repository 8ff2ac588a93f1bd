package dev.towerline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.Json;
import dev.towerline.spec.internal.Located;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload example of asyncapi.yaml, sent on every channel that carries its message, must pass. */
class FrameExamplesTest {

  record Frame(String name, String address, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void acceptsTheContractsOwnFrameExamplesOnEachChannel(Frame frame) {
    assertThatCode(() -> ContractValidator.forBundledContract().checkFrame(frame.address(), frame.json()))
        .doesNotThrowAnyException();
  }

  static List<Frame> frames() {
    CheckContext ctx = CheckContext.of(ContractDocuments.bundled());
    List<Frame> frames = new ArrayList<>();
    Located channels = ctx.asyncApi().child("channels");
    for (Iterator<String> it = channels.node().fieldNames(); it.hasNext(); ) {
      Located channel = channels.child(it.next());
      String address = Json.text(channel.node(), "address");
      Located messages = channel.child("messages");
      for (Iterator<String> ms = messages.node().fieldNames(); ms.hasNext(); ) {
        ctx.references()
            .resolve(messages.child(ms.next()))
            .ifPresent(
                message -> {
                  Located examples = message.child("examples");
                  for (int i = 0; examples.present() && i < examples.node().size(); i++) {
                    Located payload = examples.element(i).child("payload");
                    frames.add(new Frame(address + " " + message.pointer() + "/examples/" + i, address, payload.node().toString()));
                  }
                });
      }
    }
    assertThat(frames).as("frame examples in the contract").hasSizeGreaterThan(10);
    return frames;
  }
}
