package dev.calyx.cni.shim;

import java.nio.charset.StandardCharsets;

/**
 * Finds the config's cniVersion without parsing JSON, only to label the shim's own error objects.
 * Takes the first "cniVersion" key (runtimes put the top-level one first: Go marshals keys sorted
 * and 'c' precedes "prevResult"); returns "" unless the value looks like a version (digits and dots).
 */
final class JsonPeek {
    private static final byte[] KEY = "\"cniVersion\"".getBytes(StandardCharsets.US_ASCII);

    private JsonPeek() {
    }

    static String cniVersion(byte[] json) {
        int at = indexOf(json, KEY);
        if (at < 0) {
            return "";
        }
        int i = skipSpace(json, at + KEY.length);
        if (i >= json.length || json[i] != ':') {
            return "";
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length || json[i] != '"') {
            return "";
        }
        int start = ++i;
        while (i < json.length && json[i] != '"') {
            byte b = json[i];
            if ((b < '0' || b > '9') && b != '.' || i - start > 16) {
                return "";
            }
            i++;
        }
        return i < json.length && i > start ? new String(json, start, i - start, StandardCharsets.US_ASCII) : "";
    }

    private static int skipSpace(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
