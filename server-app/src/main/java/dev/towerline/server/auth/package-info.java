/**
 * Who may do what: bearer tokens with roles ({@code viewer}, {@code operator}, {@code admin}), as
 * the contract's {@code bearerAuth} scheme and each operation's {@code x-towerline-role} describe.
 *
 * <ul>
 *   <li>Configuration: {@link dev.towerline.server.auth.AuthConfig} ({@code TOKENS_FILE}, {@code
 *       TOKENS}, {@code AUTH_DISABLED}, {@code ANONYMOUS_ENDPOINTS}); the secure default is checked
 *       at start by {@link dev.towerline.server.auth.Exposure}.
 *   <li>Tokens: stored as {@link dev.towerline.server.auth.TokenHash}es, held by the {@link
 *       dev.towerline.server.auth.TokenRegistry}, which re-reads the tokens file and tells {@link
 *       dev.towerline.server.auth.TokenChanges} listeners; {@link
 *       dev.towerline.server.auth.TokenCommand} makes new ones.
 *   <li>REST: {@link dev.towerline.server.auth.AuthenticationFilter} attaches the {@link
 *       dev.towerline.server.auth.Actor} for the filters and resources after it (rate limits,
 *       audit); {@link dev.towerline.server.auth.AuthorizationFilter} checks its role.
 *   <li>Feeds: {@link dev.towerline.server.auth.TokenHandshakeAuthorizer}, with one-time {@link
 *       dev.towerline.server.auth.FeedTickets} for browsers.
 * </ul>
 *
 * Non-null unless a method says otherwise.
 */
package dev.towerline.server.auth;
