package dev.khabar.processor.topology;

import dev.khabar.processor.error.DeadLetters;
import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.processor.pipeline.StageException;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage boundary: decodes a raw record and runs the pipeline; anything that goes wrong
 * becomes a dead letter carrying the input's topic, partition and offset. Never throws.
 */
final class ProcessArticle implements FixedKeyProcessor<String, byte[], ProcessedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessArticle.class);

    private final ArticlePipeline pipeline;
    private final ProcessorMetrics metrics;
    private final Clock clock;
    /** The largest article and dead letter the topics take now (the runner rereads them while it runs). */
    private final Supplier<RecordLimits> limits;

    private final AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class);
    private final AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
    private FixedKeyProcessorContext<String, ProcessedArticle> context;

    ProcessArticle(ArticlePipeline pipeline, ProcessorMetrics metrics, Clock clock,
                   Supplier<RecordLimits> limits) {
        this.limits = limits;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ProcessedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RawArticle raw = null;
        String stage = "deserialize";
        EnrichedArticle article;
        try {
            if (record.value() == null) {
                throw new SerializationException("null value (tombstone) on the raw topic");
            }
            raw = rawSerde.decode(record.value());
            stage = "process";
            long start = System.nanoTime();
            article = pipeline.process(raw);
            metrics.latency().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (StageException e) {
            deadLetter(record, e.stage(), e, raw);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            deadLetter(record, stage, e, raw);
            return;
        }
        // an article no sink could write would fail the task and replay this input forever
        try {
            int size = enrichedSerde.encode(article).length;
            int limit = limits.get().article();
            if (size > limit) {
                throw new RecordTooLargeException("enriched article of " + size + " bytes is larger than the "
                        + limit + "-byte limit of the article topics");
            }
        } catch (RuntimeException e) {
            deadLetter(record, "serialize", e, raw);
            return;
        }
        metrics.processed(article.getLabels());
        // outside the stage boundary: a failure downstream (a sink) is not this record's dead letter,
        // and must not produce one after the article itself has gone out
        context.forward(record.withValue(ProcessedArticle.ok(article)));
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, String stage, Throwable e, RawArticle raw) {
        RecordMetadata m = context.recordMetadata().orElse(null);
        String topic = m == null ? null : m.topic();
        int partition = m == null ? -1 : m.partition();
        long offset = m == null ? -1 : m.offset();
        LOG.warn("dead letter from {}-{}@{} at stage {}: {}", topic, partition, offset, stage, e.toString());
        DeadLetter dl = DeadLetters.of(stage, e, topic, partition, offset, record.key(), record.value(),
                raw == null ? null : raw.getUrl(), clock.instant(), limits.get().deadLetter());
        metrics.deadLetter(stage, dl.getErrorClass());
        context.forward(record.withValue(ProcessedArticle.failed(dl)));
    }
}
