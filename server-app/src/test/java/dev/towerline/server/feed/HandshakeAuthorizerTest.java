package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Feed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeAuthorizerTest {
  private static final FeedHandshake HANDSHAKE = new FeedHandshake(Feed.DEVICES, Map.of(), Map.of());

  @Test
  void combinedChecksRunInOrderAndTheFirstRefusalIsTheAnswer() {
    List<String> asked = new ArrayList<>();
    HandshakeAuthorizer origin = h -> { asked.add("origin"); return HandshakeDecision.forbidden("Origin not allowed"); };
    HandshakeAuthorizer token = h -> { asked.add("token"); return HandshakeDecision.unauthenticated("Bearer realm=\"towerline\"", "A bearer token is required"); };

    HandshakeDecision decision = HandshakeAuthorizer.allOf(List.of(origin, token)).decide(HANDSHAKE);

    assertThat(decision).isInstanceOfSatisfying(HandshakeDecision.Refuse.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.FORBIDDEN));
    assertThat(asked).containsExactly("origin");
  }

  @Test
  void aHandshakePassesOnlyWhenEveryCheckAllows() {
    List<String> asked = new ArrayList<>();
    HandshakeAuthorizer first = h -> { asked.add("first"); return HandshakeDecision.allow(); };
    HandshakeAuthorizer second = h -> { asked.add("second"); return HandshakeDecision.allow(); };

    assertThat(first.andThen(second).decide(HANDSHAKE)).isEqualTo(HandshakeDecision.allow());
    assertThat(asked).containsExactly("first", "second");
    assertThat(HandshakeAuthorizer.allOf(List.of()).decide(HANDSHAKE)).isEqualTo(HandshakeDecision.allow());
  }
}
