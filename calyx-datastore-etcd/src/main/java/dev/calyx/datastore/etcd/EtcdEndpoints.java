package dev.calyx.datastore.etcd;

import dev.calyx.datastore.DatastoreConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The etcd client URLs a {@link DatastoreConfig} names, validated up front so a typo fails with the bad value
 * rather than as a connection timeout later.
 *
 * @param urls {@code http://host:port} or {@code https://host:port}, as the user wrote them
 * @param tls  whether the endpoints speak TLS (all https); mixing http and https is refused
 */
record EtcdEndpoints(List<URI> urls, boolean tls) {
    EtcdEndpoints {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("etcd datastore names no endpoint");
        }
    }

    static EtcdEndpoints of(DatastoreConfig config) {
        List<URI> urls = new ArrayList<>();
        for (String location : config.locations()) {
            urls.add(parse(config, location.strip()));
        }
        long https = urls.stream().filter(u -> u.getScheme().equals("https")).count();
        if (https != 0 && https != urls.size()) {
            throw new IllegalArgumentException("datastore \"" + config + "\": endpoints mix http:// and https://; "
                    + "an etcd cluster serves clients either with TLS or without");
        }
        return new EtcdEndpoints(urls, https != 0);
    }

    private static URI parse(DatastoreConfig config, String location) {
        String hint = "datastore \"" + config + "\": endpoint \"" + location
                + "\" is not an etcd client URL like http://127.0.0.1:2379 or https://etcd1:2379";
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(hint + " (" + e.getReason() + ")", e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException(hint);
        }
        return uri;
    }

    /** The endpoints as jetcd's builder takes them. */
    String[] asStrings() {
        return urls.stream().map(URI::toString).toArray(String[]::new);
    }

    /** {@code http://a:2379,http://b:2379}, for messages. */
    @Override
    public String toString() {
        return String.join(",", urls.stream().map(URI::toString).toList());
    }
}
