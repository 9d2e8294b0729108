package dev.calyx.ipam;

/** A decoded datastore value with the modRevision to compare-and-swap against. */
public record Versioned<T>(String key, T value, long modRevision) {}
