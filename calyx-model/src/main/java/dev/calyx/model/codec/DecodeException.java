package dev.calyx.model.codec;

/**
 * A document could not be decoded into a resource. The message names the source, the document (1-based) and its
 * line, the object and the JSON path of the field at fault: {@code policy.yaml: document 2 (line 14):
 * GlobalNetworkPolicy/x: spec.ingress[0].destination.portz: unknown field}.
 */
public final class DecodeException extends IllegalArgumentException {
    private final String source;
    private final int document;
    private final int line;
    private final String path;

    public DecodeException(String source, int document, int line, String path, String message, Throwable cause) {
        this(source, document, line, null, path, message, cause);
    }

    /** With the object ({@code Kind/name}) named before the path, as validation errors are. */
    public DecodeException(String source, int document, int line, String objectRef, String path, String message,
                           Throwable cause) {
        super(format(source, document, line, objectRef, path, message), cause);
        this.source = source;
        this.document = document;
        this.line = line;
        this.path = path;
    }

    private static String format(String source, int document, int line, String objectRef, String path,
                                 String message) {
        StringBuilder sb = new StringBuilder(source);
        if (document > 0) {
            sb.append(": document ").append(document);
            if (line > 0) {
                sb.append(" (line ").append(line).append(')');
            }
        }
        sb.append(": ");
        if (objectRef != null && !objectRef.isEmpty()) {
            sb.append(objectRef).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based document index within the source, 0 if not applicable. */
    public int document() {
        return document;
    }

    public int line() {
        return line;
    }

    /** JSON path of the field at fault, or empty. */
    public String path() {
        return path == null ? "" : path;
    }
}
