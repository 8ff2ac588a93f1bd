-- Executions, their idempotency keys and their output. Portable SQL: runs on PostgreSQL and on
-- H2 in PostgreSQL mode. Hibernate only validates this schema (hbm2ddl.auto=validate).

CREATE TABLE executions (
    id                  VARCHAR(64)   NOT NULL,
    device_serial       VARCHAR(128)  NOT NULL,
    command             VARCHAR(4096) NOT NULL,
    timeout_seconds     INTEGER       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    exit_code           INTEGER,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    output_bytes        BIGINT        DEFAULT 0 NOT NULL,
    output_truncated    BOOLEAN       DEFAULT FALSE NOT NULL,
    available_from      BIGINT        DEFAULT 0 NOT NULL,
    error_code          VARCHAR(64),
    error_message       VARCHAR(2000),
    error_details       VARCHAR(8000),
    -- The key lives with the execution it created; NULL once it expired and was purged.
    idempotency_key     VARCHAR(255),
    request_fingerprint VARCHAR(64),
    key_expires_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_executions PRIMARY KEY (id),
    -- Concurrent duplicates (on any instance) create exactly one execution.
    CONSTRAINT uq_executions_idempotency_key UNIQUE (idempotency_key)
);

-- Keyset paging by (created_at, id), alone or per device; recovery looks up by status.
CREATE INDEX ix_executions_created ON executions (created_at, id);
CREATE INDEX ix_executions_device_created ON executions (device_serial, created_at, id);
CREATE INDEX ix_executions_status ON executions (status);
CREATE INDEX ix_executions_key_expires ON executions (key_expires_at);

-- Output in chunks of whole UTF-8 characters (at most 64 KiB each), written in batches.
CREATE TABLE execution_output (
    execution_id VARCHAR(64)    NOT NULL,
    start_offset BIGINT         NOT NULL,
    byte_length  INTEGER        NOT NULL,
    chunk_text   VARCHAR(65536) NOT NULL,
    CONSTRAINT pk_execution_output PRIMARY KEY (execution_id, start_offset),
    CONSTRAINT fk_execution_output_execution FOREIGN KEY (execution_id) REFERENCES executions (id) ON DELETE CASCADE
);
