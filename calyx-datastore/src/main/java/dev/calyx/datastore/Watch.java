package dev.calyx.datastore;

/** A running watch; closing it stops delivery (idempotent). */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
