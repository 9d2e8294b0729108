package dev.calyx.cli.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-object outcomes of a write command and how they are shown: as text, one line per object on stdout (errors
 * on stderr, naming file, document and field) then a calicoctl-style summary ("12 created, 3 unchanged, 1
 * failed"); or, with {@code -o json}, one JSON document on stdout:
 * <pre>{"results":[{"object":"ippool/a","outcome":"created"},{"object":"gnp/b","outcome":"failed","error":"..."}],
 *  "summary":{"created":1,"failed":1}}</pre>
 */
final class Outcomes {
    private record Entry(String object, String outcome, String error) {}

    private final List<Entry> entries = new ArrayList<>();
    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String command;

    Outcomes(String command, String format, PrintWriter out, PrintWriter err) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("-o " + format + ": unknown output format (use text or json)");
        }
        this.command = command;
        this.json = format.equals("json");
        this.out = out;
        this.err = err;
    }

    void ok(String object, String outcome) {
        entries.add(new Entry(object, outcome, null));
        if (!json) {
            out.println(object + " " + outcome);
        }
    }

    /** A failure of one object ({@code object} may be null when a whole file failed to decode). */
    void failed(String object, String where, String message) {
        entries.add(new Entry(object, "failed", where + message));
        if (!json) {
            err.println(command + ": " + where + message);
        }
    }

    int failedCount() {
        return (int) entries.stream().filter(e -> e.outcome().equals("failed")).count();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Prints the summary (text) or the whole report (json); {@code note} is appended to the text summary. */
    void finish(String note) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        entries.forEach(e -> counts.merge(e.outcome(), 1, Integer::sum));
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            ArrayNode results = root.putArray("results");
            for (Entry e : entries) {
                ObjectNode r = results.addObject();
                if (e.object() != null) {
                    r.put("object", e.object());
                }
                r.put("outcome", e.outcome());
                if (e.error() != null) {
                    r.put("error", e.error());
                }
            }
            counts.forEach(root.putObject("summary")::put);
            out.println(root.toPrettyString());
        } else {
            String summary = counts.isEmpty() ? "no resources found" : counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            out.println(note == null ? summary : summary + " " + note);
        }
        out.flush();
    }
}
