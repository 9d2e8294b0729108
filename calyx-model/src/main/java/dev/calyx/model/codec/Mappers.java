package dev.calyx.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;

/**
 * Jackson settings shared by the JSON and YAML mappers, chosen to decode like Go's strict JSON into Calico's
 * structs: unknown fields and duplicate keys fail, numbers are not read from strings or truncated from floats.
 */
final class Mappers {
    private Mappers() {
    }

    static ObjectMapper configure(ObjectMapper m) {
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        for (LogicalType t : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        SimpleModule numbers = new SimpleModule("calyx-numbers");
        numbers.addSerializer(Double.class, new IntegralDoubleSerializer());
        m.registerModule(numbers);
        return m;
    }

    /** Writes 100.0 as {@code 100}, as Go's encoder does for float64 orders. */
    private static final class IntegralDoubleSerializer extends StdSerializer<Double> {
        IntegralDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                gen.writeNumber(value.longValue());
            } else {
                gen.writeNumber(value);
            }
        }
    }

}
