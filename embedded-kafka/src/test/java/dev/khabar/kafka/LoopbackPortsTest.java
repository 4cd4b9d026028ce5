package dev.khabar.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    /** The shape of the broker's failure when a listener port is taken. */
    private static RuntimeException bindFailure(int port) {
        return new RuntimeException("Unable to start acceptor for PLAINTEXT",
                new KafkaException("Socket server failed to bind to 127.0.0.1:" + port + ": Address already in use.",
                        new BindException("Address already in use")));
    }

    @Test
    void findsWhichPortWasInUse() {
        assertThat(LoopbackPorts.findPortInUse(bindFailure(39483), 4000, 39483)).hasValue(39483);
    }

    @Test
    void doesNotMistakeAPortForAPrefixOfAnother() {
        assertThat(LoopbackPorts.findPortInUse(bindFailure(39483), 3948)).isEmpty();
    }

    @Test
    void ignoresFailuresOtherThanBinding() {
        RuntimeException failure = new RuntimeException("broker 127.0.0.1:9092 fenced");

        assertThat(LoopbackPorts.findPortInUse(failure, 9092)).isEmpty();
    }

    @Test
    void picksAFreePortOtherThanTheOneGiven() {
        int first = LoopbackPorts.findFreePortOtherThan(0);

        assertThat(LoopbackPorts.findFreePortOtherThan(first)).isPositive().isNotEqualTo(first);
    }
}
