package dev.towerline.client;

import dev.towerline.protocol.ExecutionStatus;

/**
 * A slice of an execution's output, from {@link TowerlineClient#getExecutionOutput(String, long)}.
 * Read on from {@link #nextOffset()} until {@link #complete()}.
 *
 * <pre>{@code
 * long offset = 0;
 * ExecutionOutput piece;
 * do {
 *   piece = towerline.getExecutionOutput(id, offset);
 *   output.append(piece.data());   // a StringBuilder, a Writer, a terminal view
 *   offset = piece.nextOffset();
 * } while (!piece.complete());   // or simply: towerline.streamOutput(id).forEach(output::append)
 * }</pre>
 *
 * @param offset where {@link #data()} starts in the output
 * @param nextOffset where the next slice starts
 * @param complete the execution has finished and no output follows {@link #nextOffset()}
 */
public record ExecutionOutput(
    String executionId, ExecutionStatus status, long offset, long nextOffset, String data, boolean complete) {}
