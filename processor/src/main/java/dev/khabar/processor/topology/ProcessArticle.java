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
    private final AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class);
    private FixedKeyProcessorContext<String, ProcessedArticle> context;

    ProcessArticle(ArticlePipeline pipeline, ProcessorMetrics metrics, Clock clock) {
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
        try {
            if (record.value() == null) {
                throw new SerializationException("null value (tombstone) on the raw topic");
            }
            raw = rawSerde.decode(record.value());
            stage = "process";
            long start = System.nanoTime();
            EnrichedArticle article = pipeline.process(raw);
            metrics.latency().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            metrics.processed(article.getLabels());
            context.forward(record.withValue(ProcessedArticle.ok(article)));
        } catch (StageException e) {
            deadLetter(record, e.stage(), e, raw);
        } catch (RuntimeException | StackOverflowError e) {
            deadLetter(record, stage, e, raw);
        }
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, String stage, Throwable e, RawArticle raw) {
        RecordMetadata m = context.recordMetadata().orElse(null);
        String topic = m == null ? null : m.topic();
        int partition = m == null ? -1 : m.partition();
        long offset = m == null ? -1 : m.offset();
        LOG.warn("dead letter from {}-{}@{} at stage {}: {}", topic, partition, offset, stage, e.toString());
        DeadLetter dl = DeadLetters.of(stage, e, topic, partition, offset, record.key(), record.value(),
                raw == null ? null : raw.getUrl(), clock.instant());
        metrics.deadLetter(stage, dl.getErrorClass());
        context.forward(record.withValue(ProcessedArticle.failed(dl)));
    }
}
