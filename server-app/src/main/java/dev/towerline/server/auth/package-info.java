/**
 * Who may do what: bearer tokens with roles ({@code viewer}, {@code operator}, {@code admin}), as
 * the contract's {@code bearerAuth} scheme and each operation's {@code x-towerline-role} describe.
 * The {@link dev.towerline.server.auth.Actor} a request was made by is attached to it for the
 * filters and resources after authentication (rate limits, audit). Non-null unless a method says
 * otherwise.
 */
package dev.towerline.server.auth;
