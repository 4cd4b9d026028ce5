package dev.khabar.processor.error;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/** Khabar's processor counters: articles per label, dead letters per stage and error. */
public final class ProcessorMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public ProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("khabar.processor.latency").description("clean+classify+enrich per article")
                .register(registry);
    }

    public Timer latency() {
        return latency;
    }

    public void processed(List<String> labels) {
        registry.counter("khabar.processor.articles").increment();
        for (String label : labels) {
            registry.counter("khabar.processor.labels", "label", label).increment();
        }
    }

    /** Band keys of near-duplicate fingerprints given a tombstone for being older than any look-back. */
    public void fingerprintsExpired(int keys) {
        registry.counter("khabar.processor.fingerprints.expired").increment(keys);
    }

    public void deadLetter(String stage, String errorClass) {
        registry.counter("khabar.processor.dlq", "stage", stage, "error", errorClass).increment();
    }
}
