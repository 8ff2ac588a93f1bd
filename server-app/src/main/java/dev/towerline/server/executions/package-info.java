/**
 * Executions: shell commands run on devices. {@link dev.towerline.server.executions.ExecutionService}
 * validates and creates them (with idempotency keys), {@link
 * dev.towerline.server.executions.ExecutionScheduler} queues them per device (FIFO, one running per
 * device, a global parallelism limit) and {@link dev.towerline.server.executions.ExecutionRun} runs
 * one through the resilient ADB gateway, recording its output in bounded, batched chunks. Every
 * status change goes through {@link dev.towerline.server.executions.ExecutionRecord}'s state machine
 * and is persisted through the {@link dev.towerline.server.executions.ExecutionStore} port. Free of
 * HTTP: failures a client sees are {@link dev.towerline.server.error.ApiException}s.
 */
package dev.towerline.server.executions;
