package dev.calyx.calc;

import dev.calyx.model.selector.Selector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * What an IP set holds, from which its id follows: the addresses of everything {@code selector} matches, or for a
 * named-port set the (address, protocol, port) of every matching endpoint's port called {@code portName} with
 * that protocol. Ids are stable: {@code s:...} is Calico's selector {@code UniqueID()}, {@code n:...} hashes the
 * canonical selector with protocol and port name the same way, so equal specs from different policies share one
 * set.
 */
public record IpSetSpec(String id, Selector selector, int protocol, String portName) {
    public IpSetSpec {
        Objects.requireNonNull(id, "ip set id");
        Objects.requireNonNull(selector, "selector of ip set " + id);
    }

    public static IpSetSpec forSelector(Selector selector) {
        return new IpSetSpec(selector.uniqueId(), selector, 0, null);
    }

    public static IpSetSpec forNamedPort(Selector selector, int protocol, String portName) {
        Objects.requireNonNull(portName, "port name");
        if (protocol < 1 || protocol > 255) {
            throw new IllegalArgumentException("named port " + portName + " needs a protocol, got " + protocol);
        }
        String id = "n:" + sha224("n:" + selector.canonical() + "," + protocol + "," + portName);
        return new IpSetSpec(id, selector, protocol, portName);
    }

    public boolean namedPort() {
        return portName != null;
    }

    private static String sha224(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-224").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-224, which every Java SE platform provides", e);
        }
    }
}
