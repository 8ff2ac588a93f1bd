package dev.towerline.server.executions;

import dev.towerline.protocol.ExecutionStatus;

/** A piece of an execution's output, as {@code getExecutionOutput} answers it. */
public record OutputSlice(
    String executionId, ExecutionStatus status, long offset, long nextOffset, long availableFrom, String data, boolean complete) {}
