package dev.khabar.console.command;

import dev.khabar.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A local single-node KRaft broker, for development against {@code --bootstrap}. */
@Command(name = "broker", mixinStandardHelpOptions = true, description = "Run the embedded Kafka broker alone.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (kept between runs); default temporary")
    Path data;

    @Option(names = "--port", defaultValue = "9092", description = "listener port (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).dataDir(data).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "khabar-broker-shutdown"));
        System.out.println("Kafka broker on " + broker.bootstrapServers() + (data == null ? "" : ", data in " + data));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
