package dev.towerline.server.feed;

import dev.towerline.protocol.ErrorCode;
import java.util.Objects;

/** A {@link HandshakeAuthorizer}'s answer: open the feed, or refuse the handshake. */
public sealed interface HandshakeDecision {

  static HandshakeDecision allow() {
    return Allow.INSTANCE;
  }

  /**
   * No credentials, or credentials that cannot be verified: 401 {@code UNAUTHENTICATED}.
   *
   * @param challenge the {@code WWW-Authenticate} value naming the scheme, e.g. {@code Bearer realm="towerline"}
   */
  static HandshakeDecision unauthenticated(String challenge, String message) {
    return new Refuse(ErrorCode.UNAUTHENTICATED, message, Objects.requireNonNull(challenge, "challenge"));
  }

  /** Valid credentials that do not allow this feed: 403 {@code FORBIDDEN}. */
  static HandshakeDecision forbidden(String message) {
    return new Refuse(ErrorCode.FORBIDDEN, message, null);
  }

  /** The feed opens. */
  enum Allow implements HandshakeDecision {
    INSTANCE
  }

  /**
   * The handshake is answered with {@code code}'s HTTP status and the error envelope.
   *
   * @param challenge the {@code WWW-Authenticate} value, or null
   */
  record Refuse(ErrorCode code, String message, String challenge) implements HandshakeDecision {
    public Refuse {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
