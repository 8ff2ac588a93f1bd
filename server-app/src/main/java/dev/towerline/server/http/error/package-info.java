/**
 * One {@link jakarta.ws.rs.ext.ExceptionMapper} per exception type, each rendering the contract's
 * error envelope through {@link dev.towerline.server.http.error.ErrorResponses} with the status
 * that {@code x-error-codes} documents for its code. Non-null unless a method says otherwise.
 */
package dev.towerline.server.http.error;
