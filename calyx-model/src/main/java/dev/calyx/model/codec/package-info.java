/**
 * YAML/JSON codec for resources: multi-document files, {@code kind: List} and {@code *List} documents,
 * apiVersion/kind dispatch, unknown-field rejection with the field's path, and a stable encoding that round-trips.
 */
package dev.calyx.model.codec;
