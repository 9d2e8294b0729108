package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.CniProtocol;

/** Spec-version arithmetic: parsing, exact-match support check, and per-feature gates. */
public final class CniVersions {
    /** A config without cniVersion is 0.1.0 (libcni's create.go). */
    public static final String IMPLICIT = "0.1.0";

    private CniVersions() {
    }

    /** major*1_000_000 + minor*1_000 + patch; code 6 for anything that is not x.y.z. */
    public static int rank(String version) {
        String[] parts = version.split("\\.", -1);
        if (parts.length != 3) {
            throw notSemver(version);
        }
        int rank = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw notSemver(version);
            }
            rank = rank * 1000 + Integer.parseInt(p);
        }
        return rank;
    }

    /** Parses and checks the version is one calyx speaks (exact match, as libcni's reconcile does). */
    public static String requireSupported(String version) {
        rank(version);
        if (!CniProtocol.SUPPORTED_VERSIONS.contains(version)) {
            throw new CniException(CniError.INCOMPATIBLE_VERSION, "incompatible CNI versions",
                    "config is \"" + version + "\", plugin supports " + CniProtocol.supportedVersionsText());
        }
        return version;
    }

    public static boolean atLeast(String version, String floor) {
        return rank(version) >= rank(floor);
    }

    /** Results up to 0.4.0 carry ips[].version; 1.x dropped it. */
    public static boolean hasIpVersion(String version) {
        return !atLeast(version, "1.0.0");
    }

    /** Interface mtu/socketPath/pciID and route mtu/advmss/priority/table/scope arrived in 1.1.0. */
    public static boolean hasV11Fields(String version) {
        return atLeast(version, "1.1.0");
    }

    private static CniException notSemver(String version) {
        return new CniException(CniError.DECODING_FAILURE, "could not parse cniVersion \"" + version + "\"",
                "expected MAJOR.MINOR.PATCH, e.g. \"1.0.0\"");
    }
}
