package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.DatastoreUnavailableException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database file: where it is, how connections to it are opened, and how SQLite's errors are told to the user.
 *
 * <p>Every error leaving the embedded store goes through {@link #failure}, so each one names the file and says in
 * words what is wrong with it (locked, corrupt, not a database, read-only, disk full) instead of surfacing a bare
 * SQLite result code.
 */
final class SqliteDatabase {
    private final Path file;
    private final Duration busyTimeout;

    SqliteDatabase(Path file, Duration busyTimeout) {
        this.file = file.toAbsolutePath().normalize();
        this.busyTimeout = busyTimeout;
    }

    Path file() {
        return file;
    }

    String describe() {
        return "embedded:" + file;
    }

    /** Checks the location before SQLite sees it, since SQLite's own messages ("unable to open") name nothing. */
    void prepareLocation() {
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatastoreException(describe() + ": cannot create directory " + parent + ": " + reason(e), e);
        }
        if (Files.isDirectory(file)) {
            throw new DatastoreException(describe() + ": is a directory, expected a database file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new DatastoreException(describe() + ": is not a regular file (a device, pipe or socket?)");
        }
        if (Files.exists(file) && !(Files.isReadable(file) && Files.isWritable(file))) {
            throw new DatastoreException(describe() + ": database file is not readable and writable by this user");
        }
        if (!Files.exists(file) && !Files.isWritable(parent)) {
            throw new DatastoreException(describe() + ": cannot create the database file: directory " + parent
                    + " is not writable");
        }
    }

    /**
     * Opens a connection with the per-connection settings: FULL synchronous (a commit is on disk before it is
     * acknowledged) and a busy timeout so that writers of several processes queue instead of failing.
     * The journal mode is not set here: it is persistent in the file and set once by {@link SqliteSchema}, after
     * the file has been recognised as ours (switching a foreign file to WAL would modify it).
     */
    SqliteSession open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try {
            return new SqliteSession(DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties()));
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    /** Translates a SQLite error during {@code operation} into an exception naming the file and the cause. */
    DatastoreException failure(String operation, SQLException e) {
        String where = describe() + ": " + operation + ": ";
        return switch (primaryCode(e)) {
            case 5, 6 -> new DatastoreUnavailableException(where + "database stayed locked by another writer for "
                    + "longer than the timeout (" + busyTimeout.toMillis() + " ms)", e);
            case 11 -> new DatastoreException(where + "database file is corrupt (" + sqliteMessage(e) + ")", e);
            case 26 -> new DatastoreException(where + "not a SQLite database file (SQLite: " + sqliteMessage(e) + ")", e);
            case 8 -> new DatastoreException(where + "database is read-only for this process", e);
            case 13 -> new DatastoreException(where + "disk is full", e);
            case 14 -> new DatastoreException(where + "cannot open the database file (" + sqliteMessage(e) + ")", e);
            case 10 -> new DatastoreException(where + "disk I/O error (" + sqliteMessage(e) + ")", e);
            default -> new DatastoreException(where + sqliteMessage(e), e);
        };
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
            return se.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    private static String sqliteMessage(SQLException e) {
        // sqlite-jdbc: "[SQLITE_NOTADB] File opened that is not a database file (file is not a database)":
        // the part in parentheses is SQLite's own message, the most specific one.
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int open = m.lastIndexOf(" (");
        if (m.startsWith("[SQLITE_") && open > 0 && m.endsWith(")")) {
            return m.substring(open + 2, m.length() - 1);
        }
        return m.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    }

    private static String reason(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException f -> f.getFile() + " exists and is not a directory";
            case AccessDeniedException a -> "permission denied on " + a.getFile();
            case NoSuchFileException n -> "no such file or directory, or not creatable there (" + n.getFile() + ")";
            case FileSystemException f when f.getReason() != null -> f.getReason() + " (" + f.getFile() + ")";
            default -> e.getClass().getSimpleName() + " " + e.getMessage();
        };
    }
}
