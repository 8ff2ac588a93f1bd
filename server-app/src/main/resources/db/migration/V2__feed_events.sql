-- The event log of the real-time feeds: one row per event, seq monotonic per feed. The payload is
-- the event frame exactly as sent (JSON), so WebSocket replay and GET /api/v1/events serve the
-- same bytes with the same seq. Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

CREATE TABLE feed_events (
    feed        VARCHAR(16) NOT NULL,
    seq         BIGINT      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     TEXT        NOT NULL,
    CONSTRAINT pk_feed_events PRIMARY KEY (feed, seq)
);

-- Retention by age.
CREATE INDEX ix_feed_events_created ON feed_events (feed, created_at);
