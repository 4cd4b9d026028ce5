package dev.khabar.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which dead letters {@code khabar dlq replay} refuses: only whole inputs go back to their topic. */
class DlqReplayableTest {

    @Test
    void aWholeInputIsReplayable() {
        assertThat(DlqCommand.Replay.unreplayable(letter(new byte[5000], 5000))).isNull();
    }

    @Test
    void anInputCutToFitTheDeadLetterTopicIsNot() {
        assertThat(DlqCommand.Replay.unreplayable(letter(new byte[5000], 1_500_000)))
                .isEqualTo("the original value was cut at 5,000 of its 1,500,000 bytes");
    }

    @Test
    void aLetterWrittenBeforeOriginalSizeExistedIsCutWhenItHoldsTheOldMaximum() {
        assertThat(DlqCommand.Replay.unreplayable(letter(new byte[1024 * 1024], null)))
                .isEqualTo("the original value was cut at 1 MiB");
        assertThat(DlqCommand.Replay.unreplayable(letter(new byte[1024 * 1024 - 1], null))).isNull();
    }

    private static DeadLetter letter(byte[] kept, Integer originalSize) {
        return DeadLetter.newBuilder().setStage("deserialize").setErrorClass("x").setMessage("m").setInputTopic("news.raw")
                .setOriginalValue(ByteBuffer.wrap(kept)).setOriginalSize(originalSize)
                .setFailedAt(Instant.EPOCH).build();
    }
}
