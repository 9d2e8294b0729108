package dev.calyx.datastore;

/**
 * The datastore options as given on a command line, each null when not given. A CLI fills this from its picocli
 * options ({@code --datastore}, {@code --etcd-ca-file}, {@code --etcd-cert-file}, {@code --etcd-key-file},
 * {@code --datastore-timeout}) and hands it to {@link DatastoreSettings#resolve}.
 */
public record DatastoreFlags(String datastore, String etcdCaFile, String etcdCertFile, String etcdKeyFile,
                             String timeout) {
    public static final DatastoreFlags NONE = new DatastoreFlags(null, null, null, null, null);

    public static DatastoreFlags ofDatastore(String datastore) {
        return new DatastoreFlags(datastore, null, null, null, null);
    }
}
