package dev.towerline.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code executions}; see V1__executions.sql. Mutable, as JPA wants; converted by {@link ExecutionRows}. */
@Entity
@Table(name = "executions")
class ExecutionEntity {
  @Id
  @Column(name = "id", length = 64)
  String id;

  @Column(name = "device_serial", nullable = false, length = 128)
  String deviceSerial;

  @Column(name = "command", nullable = false, length = 4096)
  String command;

  @Column(name = "timeout_seconds", nullable = false)
  int timeoutSeconds;

  @Column(name = "status", nullable = false, length = 16)
  String status;

  @Column(name = "exit_code")
  Integer exitCode;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  @Column(name = "output_bytes", nullable = false)
  long outputBytes;

  @Column(name = "output_truncated", nullable = false)
  boolean outputTruncated;

  @Column(name = "available_from", nullable = false)
  long availableFrom;

  @Column(name = "error_code", length = 64)
  String errorCode;

  @Column(name = "error_message", length = 2000)
  String errorMessage;

  @Column(name = "error_details", length = 8000)
  String errorDetails;

  @Column(name = "idempotency_key", length = 255)
  String idempotencyKey;

  @Column(name = "request_fingerprint", length = 64)
  String requestFingerprint;

  @Column(name = "key_expires_at")
  Instant keyExpiresAt;
}
