/**
 * Cursor pagination shared by the list operations: page sizes as the contract bounds them, and
 * listings that walk a set exactly once while it changes, by paging over a snapshot of its order
 * that an opaque token names.
 */
package dev.towerline.server.listing;
