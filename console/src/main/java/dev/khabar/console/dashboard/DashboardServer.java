package dev.khabar.console.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The dashboard's HTTP side (Javalin on Jetty): the page and its assets from the jar, the live
 * snapshot as JSON and as server-sent events, and the orchestrators' endpoints — {@code /metrics}
 * (Prometheus text), {@code /health} (the process is up) and {@code /ready} (Kafka reachable and,
 * where a processor runs here, Streams RUNNING; 503 otherwise).
 */
final class DashboardServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'";

    private final Javalin app;

    private DashboardServer(Javalin app) {
        this.app = app;
    }

    /**
     * @param port 0 for any free port
     * @throws IllegalStateException when the port cannot be bound
     */
    static DashboardServer start(int port, Supplier<String> snapshot, EventStream events, Readiness readiness,
                                 PrometheusMeterRegistry metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("khabar-dashboard-http");
        threads.setDaemon(true);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.threadPool = threads;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache", "Content-Security-Policy", CSP,
                        "X-Content-Type-Options", "nosniff");
            });
            cfg.routes.get("/api/snapshot", ctx -> json(ctx, 200, snapshot.get()));
            cfg.routes.sse("/events", client -> {
                client.ctx().header("Cache-Control", "no-cache");
                client.ctx().header("X-Accel-Buffering", "no");
                events.add(client, snapshot.get());
            });
            cfg.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            cfg.routes.get("/health", ctx -> json(ctx, 200, "{\"status\":\"UP\"}"));
            cfg.routes.get("/ready", ctx -> {
                var r = readiness.check();
                json(ctx, r.path("ready").asBoolean() ? 200 : 503, r.toString());
            });
        });
        try {
            app.start(port);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot serve the dashboard on port " + port + ": " + rootMessage(e), e);
        }
        return new DashboardServer(app);
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).header("Cache-Control", "no-store").result(body);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
