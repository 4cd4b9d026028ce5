package dev.khabar.processor.error;

import dev.khabar.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** Builds {@link DeadLetter}s: the stage, the error, where the input was, and the input itself. */
public final class DeadLetters {

    /** Original bytes kept on a dead letter, at most. */
    public static final int MAX_ORIGINAL_BYTES = 1024 * 1024;
    /** Room kept for everything on a dead letter but its input and key: message, URL, names, numbers. */
    static final int METADATA_BYTES = 16 * 1024;
    private static final int MAX_TEXT_CHARS = 2000;

    private DeadLetters() {
    }

    /**
     * @param maxRecordBytes the largest dead letter news.dlq takes (its value and key): the input is cut
     *                       to fit, and {@code originalSize} says how large it was
     */
    public static DeadLetter of(String stage, Throwable error, String topic, int partition, long offset, String key,
                                byte[] original, String url, Instant now, int maxRecordBytes) {
        Throwable root = error.getCause() != null && error.getClass().getSimpleName().equals("StageException")
                ? error.getCause() : error;
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        // the key is written twice: as the record's key and on the dead letter
        int room = maxRecordBytes - METADATA_BYTES - 2 * (keyBytes == null ? 0 : keyBytes.length);
        int kept = original == null ? 0 : Math.max(0, Math.min(original.length, Math.min(MAX_ORIGINAL_BYTES, room)));
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setErrorClass(root.getClass().getName())
                .setMessage(cut(message))
                .setInputTopic(topic)
                .setInputPartition(partition < 0 ? null : partition)
                .setInputOffset(offset < 0 ? null : offset)
                .setKey(keyBytes == null ? null : ByteBuffer.wrap(keyBytes))
                .setOriginalValue(original == null ? null : ByteBuffer.wrap(Arrays.copyOf(original, kept)))
                .setOriginalSize(original == null ? null : original.length)
                .setFailedAt(now)
                .setUrl(url == null ? null : cut(url))
                .build();
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT_CHARS ? s.substring(0, MAX_TEXT_CHARS) + "…" : s;
    }
}
