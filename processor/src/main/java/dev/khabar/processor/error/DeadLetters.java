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

    private DeadLetters() {
    }

    public static DeadLetter of(String stage, Throwable error, String topic, int partition, long offset, String key,
                                byte[] original, String url, Instant now) {
        Throwable root = error.getCause() != null && error.getClass().getSimpleName().equals("StageException")
                ? error.getCause() : error;
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setErrorClass(root.getClass().getName())
                .setMessage(message.length() > 2000 ? message.substring(0, 2000) + "…" : message)
                .setInputTopic(topic)
                .setInputPartition(partition < 0 ? null : partition)
                .setInputOffset(offset < 0 ? null : offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(original == null ? null
                        : ByteBuffer.wrap(Arrays.copyOf(original, Math.min(original.length, MAX_ORIGINAL_BYTES))))
                .setFailedAt(now)
                .setUrl(url)
                .build();
    }
}
