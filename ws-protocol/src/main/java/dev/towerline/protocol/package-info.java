/**
 * The shapes shared by REST and WebSocket (device, execution, error) and every WebSocket frame,
 * generated from {@code api-spec/schemas} (one JSON Schema file per shape), plus the two
 * hand-written interfaces that let Jackson read a frame by its {@code type}: {@link
 * dev.towerline.protocol.Frame} and {@link dev.towerline.protocol.FeedEvent}. Fields absent from
 * a payload are {@code null}; everything else is non-null.
 */
package dev.towerline.protocol;
