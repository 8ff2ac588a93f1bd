// One feed connection with the reconnect rules of the WebSocket reference (/docs/api/websocket.html#lifecycle):
// resume with ?since=<last seq>, apply each event once, a resync's snapshot replaces all state,
// answer the server's ping, reconnect at once after 1012/1001 and otherwise with exponential
// backoff and jitter, capped at 5 minutes.

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;
// Closes after which the server asks clients to come back right away (restart, shutdown).
const RECONNECT_AT_ONCE = new Set([1012, 1001]);
// A frame from the server is due at least every heartbeat interval; two silent intervals mean the link is dead.
const SILENT_INTERVALS = 2;

/**
 * The one place where a feed URL gets its credential. Browsers cannot set headers on a WebSocket
 * handshake, so for now the token travels as ?access_token=; change only this function when the
 * server offers another way (a cookie, a ticket from a REST call).
 */
export function withFeedCredential(url, token) {
  if (token) {
    url.searchParams.set("access_token", token);
  }
  return url;
}

/** The delay before reconnect attempt number `attempt` (0-based): half fixed, half random. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class FeedConnection {
  /**
   * @param path the feed's address, such as /api/v1/ws/devices
   * @param handlers onSnapshot(frame, {resynced}), onEvent(frame), onStatus({state, retryAt}), onError(frame)
   * @param token a function returning the current token, or ""
   */
  constructor(path, handlers, token) {
    this.path = path;
    this.handlers = handlers;
    this.token = token;
    this.lastSeq = null;
    this.attempt = 0;
    this.socket = null;
    this.resyncing = false;
    this.watchdog = null;
    this.retryTimer = null;
  }

  start() {
    this.connect();
  }

  /** Drops the connection and connects again at once, keeping the resume point (a new token, say). */
  restart() {
    clearTimeout(this.retryTimer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close(1000, "restart");
    }
    this.attempt = 0;
    this.connect();
  }

  url() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const url = new URL(scheme + "//" + window.location.host + this.path);
    if (this.lastSeq !== null) {
      url.searchParams.set("since", String(this.lastSeq));
    }
    return withFeedCredential(url, this.token()).toString();
  }

  connect() {
    this.status("connecting");
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.onmessage = (message) => this.receive(JSON.parse(message.data));
    socket.onclose = (close) => this.closed(close.code);
  }

  receive(frame) {
    this.armWatchdog();
    switch (frame.type) {
      case "connection_ack":
        this.heartbeatMs = frame.heartbeat_interval_seconds * 1000;
        this.armWatchdog();
        this.attempt = 0;
        // A resumed connection sends no snapshot: it is live from the ack on.
        if (this.lastSeq !== null) this.status("live");
        break;
      case "snapshot":
        this.lastSeq = frame.seq;
        this.handlers.onSnapshot(frame, { resynced: this.resyncing });
        this.status(this.resyncing ? "resynced" : "live");
        this.resyncing = false;
        break;
      case "resync_required":
        this.resyncing = true;
        break;
      case "ping":
        this.send({ type: "pong", nonce: frame.nonce });
        break;
      case "error":
        this.handlers.onError(frame);
        break;
      default:
        if (typeof frame.seq === "number") {
          if (this.lastSeq !== null && frame.seq <= this.lastSeq) return; // already applied
          this.lastSeq = frame.seq;
          this.handlers.onEvent(frame);
        }
    }
  }

  send(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
    }
  }

  armWatchdog() {
    clearTimeout(this.watchdog);
    if (this.heartbeatMs) {
      this.watchdog = setTimeout(() => this.socket && this.socket.close(4000, "heartbeat missed"),
        this.heartbeatMs * SILENT_INTERVALS);
    }
  }

  closed(code) {
    clearTimeout(this.watchdog);
    this.socket = null;
    const delay = RECONNECT_AT_ONCE.has(code) && this.attempt === 0 ? 0 : backoffDelay(this.attempt);
    this.attempt += 1;
    this.status("reconnecting", Date.now() + delay);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  status(state, retryAt = null) {
    this.state = state;
    this.retryAt = retryAt;
    this.handlers.onStatus({ state, retryAt });
  }
}
