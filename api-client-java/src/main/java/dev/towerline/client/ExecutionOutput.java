package dev.towerline.client;

import dev.towerline.protocol.ExecutionStatus;

/**
 * A slice of an execution's output, from {@link TowerlineClient#getExecutionOutput(String, long)}.
 * Read on from {@link #nextOffset()} until {@link #complete()}.
 *
 * @param offset where {@link #data()} starts in the output
 * @param nextOffset where the next slice starts
 * @param complete the execution has finished and no output follows {@link #nextOffset()}
 */
public record ExecutionOutput(
    String executionId, ExecutionStatus status, long offset, long nextOffset, String data, boolean complete) {}
