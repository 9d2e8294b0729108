package dev.calyx.datastore.sqlite;

/**
 * A key prefix as a half-open range {@code [prefix, end)} so that SQLite can use the (key, rev) index.
 * SQLite compares TEXT as UTF-8 bytes, which orders code points like Java orders chars within the BMP; the end is
 * the prefix with its last char incremented ({@code /a/} → {@code /a0}), or no end for the empty prefix.
 */
record KeyRange(String start, String end) {

    static KeyRange ofPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("key prefix is null (use \"\" for every key)");
        }
        if (prefix.isEmpty()) {
            return new KeyRange("", null);
        }
        char last = prefix.charAt(prefix.length() - 1);
        if (last == Character.MAX_VALUE) {
            return new KeyRange(prefix, null);
        }
        return new KeyRange(prefix, prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
    }

    /** The SQL condition on column {@code key}, to be bound with {@link #args()}. */
    String condition() {
        return end == null ? "key >= ?" : "key >= ? AND key < ?";
    }

    Object[] args() {
        return end == null ? new Object[] {start} : new Object[] {start, end};
    }

    boolean contains(String key) {
        return key.startsWith(start);
    }
}
