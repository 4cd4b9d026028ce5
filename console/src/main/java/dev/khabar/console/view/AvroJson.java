package dev.khabar.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Plain JSON for any Avro record: unions unwrapped (no {"string": ...} wrappers), timestamps as
 * ISO-8601, bytes as base64. For people and tools, not for round-tripping.
 */
public final class AvroJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static ObjectNode toJson(GenericRecord record) {
        ObjectNode o = F.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            o.set(field.name(), value(record.get(field.pos())));
        }
        return o;
    }

    public static String line(GenericRecord record) {
        try {
            return MAPPER.writeValueAsString(toJson(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof GenericRecord r) {
            return toJson(r);
        }
        if (v instanceof CharSequence s) {
            return F.textNode(s.toString());
        }
        if (v instanceof Instant t) {
            return F.textNode(t.toString());
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Double d) {
            return F.numberNode(Math.round(d * 10_000) / 10_000.0);
        }
        if (v instanceof Float d) {
            return F.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof ByteBuffer b) {
            ByteBuffer dup = b.duplicate();
            byte[] bytes = new byte[dup.remaining()];
            dup.get(bytes);
            return F.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, val) -> o.set(k.toString(), value(val)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = F.arrayNode();
            c.forEach(item -> a.add(value(item)));
            return a;
        }
        return F.textNode(v.toString());
    }
}
