package dev.calyx.kernel.netlink;

import java.nio.charset.StandardCharsets;

/** The kernel's rules for interface names (dev_valid_name): 1-15 bytes, no '/', ':' or whitespace, not . or ... */
public final class LinkNames {
    public static final int IFNAMSIZ = 16;

    private LinkNames() {}

    public static String check(String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length >= IFNAMSIZ
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid interface name '" + name + "': 1-15 bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("invalid interface name '" + name + "': no '/', ':' or spaces");
            }
        }
        return name;
    }
}
