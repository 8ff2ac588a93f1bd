package dev.towerline.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code execution_output}: one chunk of whole characters at a byte offset. */
@Entity
@Table(name = "execution_output")
@IdClass(OutputChunkEntity.Key.class)
class OutputChunkEntity {
  @Id
  @Column(name = "execution_id", length = 64)
  String executionId;

  @Id
  @Column(name = "start_offset")
  long startOffset;

  @Column(name = "byte_length", nullable = false)
  int byteLength;

  @Column(name = "chunk_text", nullable = false, length = 65536)
  String text;

  /** The composite key JPA needs as a class. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String executionId;
    long startOffset;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.startOffset == startOffset && Objects.equals(key.executionId, executionId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(executionId, startOffset);
    }
  }
}
