package dev.khabar.console.view;

import dev.khabar.schemas.KhabarSchemas;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;

/** Decodes any Khabar record by the fingerprint it carries, whatever the topic. */
public final class AnyRecordDecoder {

    private static final GenericData MODEL = new GenericData();

    static {
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    private final Map<Long, BinaryMessageDecoder<GenericRecord>> decoders = new ConcurrentHashMap<>();

    /** The record, or an explanation of why these bytes are not one. */
    public GenericRecord decode(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length < 10 || (bytes[0] & 0xFF) != 0xC3 || bytes[1] != 0x01) {
            throw new IOException("not Avro single-object encoding");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema schema = KhabarSchemas.byFingerprint().get(fingerprint);
        if (schema == null) {
            throw new IOException("unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        return decoders.computeIfAbsent(fingerprint, f -> new BinaryMessageDecoder<>(MODEL, schema)).decode(bytes);
    }
}
