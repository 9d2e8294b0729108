package dev.calyx.datastore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the datastore is and how to reach it, as the user wrote it:
 * {@code embedded:/var/lib/calyx/calyx.db} (the default) or {@code etcd:https://h1:2379,https://h2:2379}.
 *
 * <p>Resolution order (first set wins): the {@code --datastore} flag, the {@code CALYX_DATASTORE} environment
 * variable, {@code datastore:} in {@code /etc/calyx/calyx.yaml}, then {@link #DEFAULT}. TLS files and the request
 * timeout come from the same places ({@code --etcd-ca-file}, {@code CALYX_ETCD_CA_FILE}, {@code etcdCAFile:}, ...).
 *
 * @param scheme    {@code embedded}, {@code etcd}, ...
 * @param locations a database path for {@code embedded}; endpoint URLs for {@code etcd}
 * @param caFile    TLS trust anchors, or null
 * @param certFile  client certificate, or null
 * @param keyFile   client key, or null
 * @param timeout   how long one call may wait for the backend before it fails with
 *                  {@link DatastoreUnavailableException}
 */
public record DatastoreConfig(String scheme, List<String> locations, Path caFile, Path certFile, Path keyFile,
                              Duration timeout) {
    public static final String DEFAULT = "embedded:/var/lib/calyx/calyx.db";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public DatastoreConfig {
        Objects.requireNonNull(scheme, "scheme");
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("datastore \"" + scheme + ":\" names no location");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Parses {@code scheme:location[,location...]}; the error names the bad value and the accepted forms. */
    public static DatastoreConfig parse(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("datastore \"" + spec + "\": expected embedded:PATH or "
                    + "etcd:URL[,URL...] (e.g. " + DEFAULT + ")");
        }
        String scheme = spec.substring(0, colon);
        List<String> locations = List.of(spec.substring(colon + 1).split(","));
        return new DatastoreConfig(scheme, locations, null, null, null, DEFAULT_TIMEOUT);
    }

    public DatastoreConfig withTls(Path ca, Path cert, Path key) {
        return new DatastoreConfig(scheme, locations, ca, cert, key, timeout);
    }

    public DatastoreConfig withTimeout(Duration t) {
        return new DatastoreConfig(scheme, locations, caFile, certFile, keyFile, t);
    }

    /** The form a user would write, for messages. */
    @Override
    public String toString() {
        return scheme + ":" + String.join(",", locations);
    }
}
