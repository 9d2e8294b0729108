package dev.calyx.model.codec;

import dev.calyx.model.Resource;

/** A decoded resource and where it came from (1-based document index and its first line). */
public record Decoded(Resource resource, String source, int document, int line) {
    /** {@code file.yaml: document 2 (line 14)}, for messages about this resource. */
    public String location() {
        return source + ": document " + document + (line > 0 ? " (line " + line + ")" : "");
    }
}
