/**
 * The hostile-input suite (issue 9, item 9): what an attacker or a careless client sends, over real
 * sockets to a real server on loopback. Malformed HTTP, stalled and slow clients, oversized and
 * unencodable input, WebSocket handshake and frame abuse, and {@link
 * dev.towerline.server.hostile.ContractFuzzTest}, a seeded fuzzer that derives its cases from
 * {@code openapi.yaml}. Each test asserts the class of answer the issue demands (a 4xx envelope
 * with a documented code, or a proper close) rather than one exact value, and that the server still
 * serves afterwards. See {@code docs/guides/hostile-input.md} for running it and replaying a seed.
 */
package dev.towerline.server.hostile;
