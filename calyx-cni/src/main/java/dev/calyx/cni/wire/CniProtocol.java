package dev.calyx.cni.wire;

import java.util.List;
import java.util.Map;

/**
 * Protocol facts shared by the shim and the agent: the verbs, the spec versions calyx speaks,
 * and the per-verb environment rules (what skel checks before a Go plugin's handler runs).
 * Written without regex or lambdas: it runs in the shim on every pod start.
 */
public final class CniProtocol {
    public static final String ADD = "ADD";
    public static final String DEL = "DEL";
    public static final String CHECK = "CHECK";
    public static final String GC = "GC";
    public static final String STATUS = "STATUS";
    public static final String VERSION = "VERSION";

    /** Oldest first. 0.3.x are accepted and answered in their own (0.4.0-shaped) schema. */
    public static final List<String> SUPPORTED_VERSIONS = List.of("0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");
    public static final String LATEST_VERSION = "1.1.0";
    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    public static final int MAX_IFNAME = 15;

    private CniProtocol() {
    }

    public static boolean isKnownCommand(String command) {
        return switch (command) {
            case ADD, DEL, CHECK, GC, STATUS, VERSION -> true;
            default -> false;
        };
    }

    /** {"cniVersion":"1.1.0","supportedVersions":[...]} — what VERSION prints. */
    public static String versionJson() {
        StringBuilder json = new StringBuilder(128).append("{\"cniVersion\":\"").append(LATEST_VERSION)
                .append("\",\"supportedVersions\":[");
        for (int i = 0; i < SUPPORTED_VERSIONS.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(SUPPORTED_VERSIONS.get(i)).append('"');
        }
        return json.append("]}").toString();
    }

    /** ["0.3.0", …] as used in the details of an incompatible-version error. */
    public static String supportedVersionsText() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < SUPPORTED_VERSIONS.size(); i++) {
            s.append(i == 0 ? "\"" : ", \"").append(SUPPORTED_VERSIONS.get(i)).append('"');
        }
        return s.append(']').toString();
    }

    /**
     * Checks the CNI_* variables a command needs. Returns null when they are fine, else the error
     * to print: all missing names at once (code 4), then a bad container id or interface name.
     * Empty counts as missing, as in skel. DEL tolerates a missing CNI_NETNS (netns already gone);
     * GC needs only CNI_PATH; STATUS needs nothing (the spec makes CNI_PATH optional for it).
     */
    public static CniError validateEnvironment(String command, Map<String, String> env) {
        String[] required = switch (command) {
            case ADD, CHECK -> new String[] {"CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"};
            case DEL -> new String[] {"CNI_CONTAINERID", "CNI_IFNAME", "CNI_PATH"};
            case GC -> new String[] {"CNI_PATH"};
            default -> new String[0];
        };
        StringBuilder missing = new StringBuilder();
        for (String name : required) {
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                missing.append(missing.isEmpty() ? "" : ",").append(name);
            }
        }
        if (!missing.isEmpty()) {
            return new CniError(CniError.INVALID_ENVIRONMENT, "required env variables [" + missing + "] missing", "");
        }
        if (command.equals(ADD) || command.equals(DEL) || command.equals(CHECK)) {
            CniError bad = validateContainerId(env.get("CNI_CONTAINERID"));
            return bad != null ? bad : validateIfName(env.get("CNI_IFNAME"));
        }
        return null;
    }

    /** Container ids follow the network-name rule: ^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$ */
    public static CniError validateContainerId(String id) {
        if (!isValidName(id)) {
            return new CniError(CniError.INVALID_ENVIRONMENT, "invalid characters in containerID",
                    "containerID \"" + id + "\" must match ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$");
        }
        return null;
    }

    public static CniError validateIfName(String name) {
        if (name.length() > MAX_IFNAME) {
            return new CniError(CniError.INVALID_ENVIRONMENT, "interface name is too long",
                    "interface name \"" + name + "\" should be less than 16 characters");
        }
        if (name.equals(".") || name.equals("..")) {
            return new CniError(CniError.INVALID_ENVIRONMENT, "interface name is . or ..", "");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                return new CniError(CniError.INVALID_ENVIRONMENT, "interface name contains / or : or whitespace characters",
                        "interface name \"" + name + "\"");
            }
        }
        return null;
    }

    /** ^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$ — the rule for network names and container ids. */
    public static boolean isValidName(String s) {
        if (s == null || s.isEmpty() || !isAlnum(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
