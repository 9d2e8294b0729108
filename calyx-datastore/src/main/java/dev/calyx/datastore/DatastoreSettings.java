package dev.calyx.datastore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a {@link DatastoreConfig} from the places a user can set it. Each setting independently takes the first
 * value found in: the command-line flag, the environment variable, the top-level key in the configuration file
 * (default {@code /etc/calyx/calyx.yaml}), then the built-in default.
 *
 * <pre>
 * setting        flag                  environment              calyx.yaml key     default
 * datastore      --datastore           CALYX_DATASTORE          datastore          embedded:/var/lib/calyx/calyx.db
 * etcd CA        --etcd-ca-file        CALYX_ETCD_CA_FILE       etcdCAFile         none
 * etcd cert      --etcd-cert-file      CALYX_ETCD_CERT_FILE     etcdCertFile       none
 * etcd key       --etcd-key-file       CALYX_ETCD_KEY_FILE      etcdKeyFile        none
 * timeout        --datastore-timeout   CALYX_DATASTORE_TIMEOUT  datastoreTimeout   10s
 * </pre>
 *
 * A bad value fails with an {@link IllegalArgumentException} whose message starts with where the value came from
 * ({@code --datastore}, {@code CALYX_DATASTORE}, {@code /etc/calyx/calyx.yaml:3}), so the user knows what to fix.
 * Timeouts are Go-style durations ({@code 500ms}, {@code 10s}, {@code 1m30s}) or plain seconds.
 */
public final class DatastoreSettings {
    public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/calyx/calyx.yaml");

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private DatastoreSettings() {}

    /** Resolves from the process environment and {@link #DEFAULT_CONFIG_FILE}. */
    public static DatastoreConfig resolve(DatastoreFlags flags) {
        return resolve(flags, System.getenv(), DEFAULT_CONFIG_FILE);
    }

    /**
     * Resolves from explicit sources (tests inject {@code env} and {@code configFile}; a missing file counts as
     * empty).
     */
    public static DatastoreConfig resolve(DatastoreFlags flags, Map<String, String> env, Path configFile) {
        DatastoreFlags f = flags == null ? DatastoreFlags.NONE : flags;
        Sources sources = new Sources(env, FlatYamlFile.read(configFile));
        Setting spec = sources.find("--datastore", f.datastore(),
                "CALYX_DATASTORE", "datastore", DatastoreConfig.DEFAULT);
        DatastoreConfig config = parseDatastore(spec);
        Setting timeout = sources.find("--datastore-timeout", f.timeout(),
                "CALYX_DATASTORE_TIMEOUT", "datastoreTimeout", null);
        if (timeout != null) {
            config = config.withTimeout(parseDuration(timeout));
        }
        Setting ca = sources.find("--etcd-ca-file", f.etcdCaFile(),
                "CALYX_ETCD_CA_FILE", "etcdCAFile", null);
        Setting cert = sources.find("--etcd-cert-file", f.etcdCertFile(),
                "CALYX_ETCD_CERT_FILE", "etcdCertFile", null);
        Setting key = sources.find("--etcd-key-file", f.etcdKeyFile(),
                "CALYX_ETCD_KEY_FILE", "etcdKeyFile", null);
        if ((cert == null) != (key == null)) {
            Setting given = cert != null ? cert : key;
            throw new IllegalArgumentException(given.source() + ": an etcd client certificate and key go together; "
                    + "set both --etcd-cert-file and --etcd-key-file (or their CALYX_ETCD_*_FILE / calyx.yaml forms)");
        }
        if (ca != null || cert != null) {
            config = config.withTls(readableFile(ca), readableFile(cert), readableFile(key));
        }
        return config;
    }

    /** A value and where it came from, for messages. */
    private record Setting(String value, String source) {}

    private record Sources(Map<String, String> env, Map<String, FlatYamlFile.Entry> file) {
        Setting find(String flag, String fromFlag, String envVar, String fileKey, String fallback) {
            if (fromFlag != null) {
                return new Setting(fromFlag, flag + " " + fromFlag);
            }
            String fromEnv = env.get(envVar);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return new Setting(fromEnv, envVar + "=" + fromEnv);
            }
            FlatYamlFile.Entry fromFile = file.get(fileKey);
            if (fromFile != null) {
                return new Setting(fromFile.value(), fromFile.source() + ": " + fileKey + ": " + fromFile.value());
            }
            return fallback == null ? null : new Setting(fallback, "default " + fallback);
        }
    }

    private static DatastoreConfig parseDatastore(Setting s) {
        DatastoreConfig config;
        try {
            config = DatastoreConfig.parse(s.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.source() + ": " + e.getMessage(), e);
        }
        for (String location : config.locations()) {
            if (location.isBlank()) {
                throw new IllegalArgumentException(s.source() + ": empty location in \"" + s.value() + "\"");
            }
            if (config.scheme().equals("etcd") && !location.matches("https?://[^/\\s]+/?")) {
                throw new IllegalArgumentException(s.source() + ": etcd endpoint \"" + location
                        + "\" is not an http:// or https:// URL of host:port");
            }
            if (config.scheme().equals("embedded") && !Path.of(location).isAbsolute()) {
                throw new IllegalArgumentException(s.source() + ": embedded database path \"" + location
                        + "\" is not absolute");
            }
        }
        return config;
    }

    static Duration parseDuration(Setting s) {
        String v = s.value().strip().toLowerCase(Locale.ROOT);
        Duration d = Duration.ZERO;
        if (v.matches("\\d+")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else {
            Matcher m = DURATION_PART.matcher(v);
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                end = m.end();
            }
            if (end != v.length() || v.isEmpty()) {
                d = Duration.ZERO;
            }
        }
        if (d.isZero()) {
            throw new IllegalArgumentException(s.source() + ": timeout \"" + s.value() + "\" is not a positive "
                    + "duration (e.g. 500ms, 10s, 1m30s)");
        }
        return d;
    }

    private static Path readableFile(Setting s) {
        if (s == null) {
            return null;
        }
        Path p = Path.of(s.value());
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(s.source() + ": " + (Files.exists(p) ? "not a regular file"
                    : "no such file"));
        }
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException(s.source() + ": file is not readable");
        }
        return p;
    }
}
