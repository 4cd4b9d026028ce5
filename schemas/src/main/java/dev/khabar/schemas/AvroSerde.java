package dev.khabar.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for Khabar's Avro records in Avro single-object encoding
 * ({@code C3 01}, the 8-byte schema fingerprint, then the binary body). Decoding resolves the
 * writer's fingerprint against {@link KhabarSchemas}, so records written with any earlier
 * schema version decode into the current class.
 *
 * <pre>{@code
 * Serde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
 * }</pre>
 */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type) {
        this.type = type;
        KhabarSchemas.store(); // loads history and trusts our classes
        SpecificData model = SpecificData.getForClass(type); // the generated model: knows the logical-type conversions
        org.apache.avro.Schema schema = SpecificData.get().getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, KhabarSchemas.store());
    }

    public static <T extends SpecificRecordBase> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    /** Encodes, or throws {@link SerializationException} naming the type. */
    public byte[] encode(T value) {
        try {
            ByteBuffer buf = encoder.encode(value);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes, or throws {@link SerializationException} saying why: not single-object Avro, an
     * unknown fingerprint, or a truncated or corrupt body.
     */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < 10 || (bytes[0] & 0xFF) != 0xC3 || (bytes[1] & 0xFF) != 0x01) {
            throw new SerializationException("not Avro single-object encoding (" + bytes.length + " bytes, no C3 01 marker)");
        }
        try {
            return decoder.decode(bytes);
        } catch (org.apache.avro.message.MissingSchemaException e) {
            throw new SerializationException("unknown schema fingerprint: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new SerializationException("truncated or corrupt " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt " + type.getSimpleName() + ": " + e, e);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : encode(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return decode(data);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schemas travel in the jar
    }

    @Override
    public void close() {
        // stateless
    }
}
