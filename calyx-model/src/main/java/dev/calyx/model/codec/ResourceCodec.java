package dev.calyx.model.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.calyx.model.Kind;
import dev.calyx.model.Kinds;
import dev.calyx.model.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decodes and encodes resources in YAML or JSON, the way calicoctl reads and prints them.
 *
 * <p>Decoding: a source may hold several YAML documents ({@code ---}), JSON values, a JSON array, or list
 * documents ({@code kind: List} or {@code kind: IPPoolList}, with {@code items}). Each document is dispatched on
 * its {@code apiVersion}/{@code kind}; fields the kind does not have are rejected with their path, as Calico's
 * strict decoding does. The first failure aborts the whole source, so an apply is all-or-nothing per file.
 *
 * <p>Encoding: {@code apiVersion}, {@code kind} first, then the record components in declaration order; null
 * fields are omitted and integral numbers are written without a fraction, so decode → encode → decode is the
 * identity and re-applying {@code get -o yaml} output changes nothing.
 *
 * <p>Thread safety: immutable after construction; share {@link #INSTANCE}.
 */
public final class ResourceCodec {
    public static final ResourceCodec INSTANCE = new ResourceCodec();

    private final ObjectMapper json;
    private final ObjectMapper yaml;

    private ResourceCodec() {
        this.json = Mappers.configure(new ObjectMapper());
        this.yaml = Mappers.configure(new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .stringQuotingChecker(new ColonNumberQuoting())
                .build()));
    }

    /**
     * Also quotes {@code 110:50}-style strings (port ranges, communities): YAML 1.1 readers take them for
     * base-60 integers, so other tools would misread our output.
     */
    private static final class ColonNumberQuoting extends StringQuotingChecker.Default {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || value.matches("^[0-9]+(:[0-9]+)+$");
        }
    }

    // ---------------------------------------------------------------- decoding

    /** Every resource in {@code text} (YAML or JSON), in order. {@code sourceName} appears in error messages. */
    public List<Decoded> decodeAll(String text, String sourceName) {
        ObjectMapper mapper = looksLikeJson(text) ? json : yaml;
        List<Decoded> out = new ArrayList<>();
        int document = 0;
        try (JsonParser parser = mapper.createParser(text)) {
            while (parser.nextToken() != null) {
                document++;
                int line = parser.currentTokenLocation().getLineNr();
                if (parser.currentToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                JsonNode node = mapper.readTree(parser);
                if (node == null || node.isNull() || node.isMissingNode()
                        || (node.isTextual() && node.asText().isBlank())) {
                    // An empty document (e.g. a trailing "---").
                    continue;
                }
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        documentNode(node.get(i), sourceName, document, line, "[" + i + "]", out);
                    }
                } else {
                    documentNode(node, sourceName, document, line, "", out);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DecodeException(sourceName, Math.max(document, 1), line, "",
                    "malformed " + (mapper == json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Exactly one resource from {@code text}. */
    public Resource decode(String text, String sourceName) {
        List<Decoded> all = decodeAll(text, sourceName);
        if (all.size() != 1) {
            throw new DecodeException(sourceName, 0, 0, "", "expected exactly one resource, found " + all.size(), null);
        }
        return all.getFirst().resource();
    }

    /** One resource of a known type (e.g. a value read back from the datastore). */
    public <T extends Resource> T decode(String text, Class<T> type) {
        Resource r = decode(text, type.getSimpleName());
        if (!type.isInstance(r)) {
            throw new DecodeException(type.getSimpleName(), 1, 0, "kind",
                    "expected " + Kind.of(type).kindName() + ", found " + r.kind().kindName(), null);
        }
        return type.cast(r);
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private void documentNode(JsonNode node, String source, int document, int line, String prefix,
                              List<Decoded> out) {
        if (!node.isObject()) {
            throw new DecodeException(source, document, line, prefix, "document is not an object", null);
        }
        String apiVersion = node.path("apiVersion").asText("");
        String kind = node.path("kind").asText("");
        JsonNode items = node.get("items");
        if ((kind.equals("List") || (kind.endsWith("List") && Kinds.forManifest(apiVersion, kind).isEmpty()))
                && items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                documentNode(items.get(i), source, document, line, join(prefix, "items") + "[" + i + "]", out);
            }
            return;
        }
        out.add(new Decoded(bind((ObjectNode) node, source, document, line, prefix), source, document, line));
    }

    private Resource bind(ObjectNode node, String source, int document, int line, String prefix) {
        String apiVersion = node.path("apiVersion").asText("");
        String kindName = node.path("kind").asText("");
        if (apiVersion.isEmpty()) {
            throw new DecodeException(source, document, line, join(prefix, "apiVersion"), "Required value", null);
        }
        if (kindName.isEmpty()) {
            throw new DecodeException(source, document, line, join(prefix, "kind"), "Required value", null);
        }
        Kind kind = Kinds.forManifest(apiVersion, kindName).orElseThrow(() -> new DecodeException(source, document,
                line, join(prefix, "kind"), unknownKind(apiVersion, kindName), null));
        ObjectNode body = node.deepCopy();
        body.remove("apiVersion");
        body.remove("kind");
        String ref = kindName + "/" + node.path("metadata").path("name").asText("<no name>");
        try {
            return json.treeToValue(body, kind.type());
        } catch (UnrecognizedPropertyException e) {
            throw new DecodeException(source, document, line, ref, join(prefix, path(e)), "unknown field", e);
        } catch (MismatchedInputException e) {
            throw new DecodeException(source, document, line, ref, join(prefix, path(e)),
                    "invalid value: expected " + describe(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            throw new DecodeException(source, document, line, ref, join(prefix, path(e)),
                    "invalid value: " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new DecodeException(source, document, line, ref, prefix, e.getOriginalMessage(), e);
        }
    }

    private static String unknownKind(String apiVersion, String kind) {
        if (Kinds.forManifest(apiVersion, kind).isEmpty() && Kind.IP_POOL.apiVersion().equals(apiVersion)) {
            String known = Arrays.stream(Kind.values()).filter(Kind::isCalico).map(Kind::kindName)
                    .collect(Collectors.joining(", "));
            return "unknown kind \"" + kind + "\" for apiVersion " + apiVersion + " (known kinds: " + known + ")";
        }
        return "unknown resource type " + apiVersion + "/" + kind;
    }

    /** What a JSON value of the target type looks like, for "expected ..." messages. */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type of value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord() && type.getPackageName()
                .startsWith("dev.calyx.model") && !type.getPackageName().endsWith("numorstring")) {
            return "an object";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName() + " (a number or a string)";
    }

    private static String rootMessage(JsonMappingException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t instanceof JsonProcessingException jp ? jp.getOriginalMessage() : t.getMessage();
        if (msg == null) {
            msg = e.getOriginalMessage();
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    /** {@code spec.ingress[0].destination.portz} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? prefix : prefix + "." + path;
    }

    // ---------------------------------------------------------------- encoding

    /** The resource as a JSON tree: apiVersion, kind, then its fields. */
    public ObjectNode toTree(Resource resource) {
        ObjectNode out = json.createObjectNode();
        out.put("apiVersion", resource.kind().apiVersion());
        out.put("kind", resource.kind().kindName());
        ObjectNode body = json.valueToTree(resource);
        out.setAll(body);
        return out;
    }

    public String encodeYaml(Resource resource) {
        try {
            return yaml.writeValueAsString(toTree(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + resource.ref() + " as YAML", e);
        }
    }

    /** Several resources as a multi-document YAML stream (documents separated by {@code ---}). */
    public String encodeYaml(List<? extends Resource> resources) {
        return resources.stream().map(this::encodeYaml).collect(Collectors.joining("---\n"));
    }

    public String encodeJson(Resource resource) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + resource.ref() + " as JSON", e);
        }
    }

    /** Compact single-line JSON, e.g. for datastore values. */
    public String encodeJsonCompact(Resource resource) {
        try {
            return json.writeValueAsString(toTree(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + resource.ref() + " as JSON", e);
        }
    }

    /** Several resources as one {@code kind: List} JSON document. */
    public String encodeJson(List<? extends Resource> resources) {
        ObjectNode list = json.createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ArrayNode items = list.putArray("items");
        resources.forEach(r -> items.add(toTree(r)));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode resource list as JSON", e);
        }
    }
}
