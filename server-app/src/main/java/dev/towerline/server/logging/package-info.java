/**
 * Log output safety: the redaction every log line passes before it is written, so tokens, {@code
 * Authorization} headers and {@code access_token} values never reach a log, whoever logged them
 * (our code, Jersey, Grizzly, a stack trace). Wired in {@code logback.xml}. Non-null unless a method
 * says otherwise.
 */
package dev.towerline.server.logging;
