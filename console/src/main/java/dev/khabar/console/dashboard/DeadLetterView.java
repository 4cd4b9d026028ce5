package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.console.view.AnyRecordDecoder;
import dev.khabar.console.view.AvroJson;
import dev.khabar.schemas.DeadLetter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A dead letter as people read it: where it sits on the DLQ, which stage failed and why, where
 * its input was, and — for {@code dlq show} — the original value decoded when it is a Khabar
 * record, otherwise its first bytes as hex, base64 and (if it is text) text.
 */
public final class DeadLetterView {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MESSAGE_CHARS = 400;
    private static final int PREVIEW_BYTES = 256;

    private DeadLetterView() {
    }

    /** The position on the DLQ, {@code partition:offset}, as {@code dlq show} and {@code dlq replay} take it. */
    public static String position(int partition, long offset) {
        return partition + ":" + offset;
    }

    public static ObjectNode summary(DeadLetter d, int partition, long offset) {
        ObjectNode o = F.objectNode();
        o.put("position", position(partition, offset));
        o.put("stage", d.getStage());
        o.put("errorClass", d.getErrorClass());
        String message = d.getMessage();
        o.put("message", message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS - 1) + "…" : message);
        o.put("inputTopic", d.getInputTopic());
        o.put("inputPartition", d.getInputPartition());
        o.put("inputOffset", d.getInputOffset());
        o.put("key", text(d.getKey()));
        o.put("url", d.getUrl());
        o.put("failedAt", d.getFailedAt() == null ? null : d.getFailedAt().toString());
        o.put("originalBytes", d.getOriginalValue() == null ? 0 : d.getOriginalValue().remaining());
        return o;
    }

    /** The summary plus the full message and the original value, decoded if possible. */
    public static ObjectNode detail(DeadLetter d, int partition, long offset, AnyRecordDecoder decoder) {
        ObjectNode o = summary(d, partition, offset);
        o.put("message", d.getMessage());
        byte[] original = bytes(d.getOriginalValue());
        if (original == null) {
            o.putNull("original");
            return o;
        }
        try {
            o.set("original", AvroJson.toJson(decoder.decode(original)));
        } catch (IOException | RuntimeException e) {
            ObjectNode raw = o.putObject("original");
            raw.put("undecodable", e.getMessage());
            byte[] head = java.util.Arrays.copyOf(original, Math.min(PREVIEW_BYTES, original.length));
            raw.put("hex", HexFormat.of().formatHex(head, 0, Math.min(64, head.length)));
            raw.put("base64", Base64.getEncoder().encodeToString(head));
            String text = text(ByteBuffer.wrap(head));
            if (text != null) {
                raw.put("text", text);
            }
        }
        return o;
    }

    /** The buffer's remaining bytes, without moving it; null for null. */
    public static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        ByteBuffer dup = b.duplicate();
        byte[] out = new byte[dup.remaining()];
        dup.get(out);
        return out;
    }

    /** The bytes as UTF-8 text if they are valid UTF-8 without control characters, else null. */
    static String text(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b.duplicate());
            String s = chars.toString();
            return s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r') ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
