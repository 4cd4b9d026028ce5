package dev.khabar.console.command;

import dev.khabar.console.demo.SampleSite;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the bundled sample blog site, as the demo does, for the compose setup and for trying sources. */
@Command(name = "site", mixinStandardHelpOptions = true, description = "Serve the bundled sample blog site.")
public final class SiteCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8000", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE}; "
            + "0.0.0.0 in a container)")
    String bind;

    @Override
    public Integer call() throws Exception {
        SampleSite site = SampleSite.start(bind, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }, "khabar-site-shutdown"));
        System.out.println("sample site on " + site.baseUri() + " (feed: " + site.feedUri() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
