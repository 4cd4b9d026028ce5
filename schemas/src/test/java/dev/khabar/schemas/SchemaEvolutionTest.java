package dev.khabar.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Schema changes must stay backward compatible: a reader with today's schema reads every older record. */
class SchemaEvolutionTest {

    @Test
    void everyCurrentSchemaReadsEveryEarlierVersionOfItself() {
        for (Schema current : KhabarSchemas.current()) {
            for (Schema old : KhabarSchemas.history(current.getName())) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
                assertThat(result.getType())
                        .as("%s cannot read %s written with an older schema: %s", current.getName(), old.getName(),
                                result.getDescription())
                        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            }
        }
    }

    @Test
    void everyRecordTypeOfEveryCurrentSchemaIsTrustedForDecoding() throws Exception {
        KhabarSchemas.current(); // loads the class, which trusts its generated classes
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Schema s : KhabarSchemas.current()) {
            collectRecords(s, names);
        }
        assertThat(names).contains("dev.khabar.schemas.SectionLabels", "dev.khabar.schemas.Evidence");
        for (String name : names) {
            assertThat(org.apache.avro.util.ClassSecurityValidator.getGlobal().isTrusted(Class.forName(name)))
                    .as("%s is trusted (KhabarSchemas.trustGeneratedClasses)", name).isTrue();
        }
    }

    private static void collectRecords(Schema s, java.util.Set<String> names) {
        switch (s.getType()) {
            case RECORD -> {
                if (names.add(s.getFullName())) {
                    s.getFields().forEach(f -> collectRecords(f.schema(), names));
                }
            }
            case ARRAY -> collectRecords(s.getElementType(), names);
            case MAP -> collectRecords(s.getValueType(), names);
            case UNION -> s.getTypes().forEach(t -> collectRecords(t, names));
            default -> { }
        }
    }

    @Test
    void historyHoldsAnOlderRawArticle() {
        assertThat(KhabarSchemas.history("RawArticle")).isNotEmpty();
        assertThat(KhabarSchemas.byFingerprint()).hasSizeGreaterThan(KhabarSchemas.current().size());
    }

    @Test
    void aRecordWrittenWithTheFirstRawArticleSchemaDecodesIntoTheCurrentClass() throws Exception {
        Schema v1 = KhabarSchemas.history("RawArticle").get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "abc");
        old.put("url", "https://example.org/a");
        old.put("canonicalUrl", "https://example.org/a");
        old.put("sourceId", "blog");
        old.put("fetchedAt", 1_718_900_000_000L);
        old.put("httpStatus", 200);
        old.put("title", "पुराना लेख");
        old.put("authors", List.of("लेखक"));
        old.put("text", "पहला अनुच्छेद।");
        old.put("tags", List.of());
        old.put("images", List.of());
        old.put("links", List.of());
        old.put("extractorVersion", "v1");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] encoded = new byte[bytes.remaining()];
        bytes.get(encoded);

        RawArticle decoded = AvroSerde.of(RawArticle.class).decode(encoded);

        assertThat(decoded.getTitle()).isEqualTo("पुराना लेख");
        assertThat(decoded.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(1_718_900_000_000L));
        assertThat(decoded.getVersion()).as("field added in v2 takes its default").isEqualTo(1);
        assertThat(decoded.getReadMoreLinks()).isEmpty();
        assertThat(decoded.getContentHash()).isNull();
    }

    @Test
    void roundTripsTheCurrentSchemaWithTheSingleObjectMarker() {
        AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);
        DeadLetter dl = DeadLetter.newBuilder()
                .setStage("clean").setErrorClass("java.lang.IllegalStateException").setMessage("boom")
                .setInputTopic("news.raw").setInputPartition(0).setInputOffset(42L)
                .setFailedAt(Instant.ofEpochMilli(1_000L)).build();

        byte[] bytes = serde.serialize("news.dlq", dl);

        assertThat(bytes[0] & 0xFF).isEqualTo(0xC3);
        assertThat(bytes[1] & 0xFF).isEqualTo(0x01);
        assertThat(serde.deserialize("news.dlq", bytes)).isEqualTo(dl);
    }

    @Test
    void garbageUnknownFingerprintsAndTruncatedRecordsAreSerializationExceptions() {
        AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
        assertThatThrownBy(() -> serde.decode("not avro at all".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("single-object");
        byte[] unknown = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> serde.decode(unknown))
                .isInstanceOf(SerializationException.class).hasMessageContaining("fingerprint");
        byte[] good = AvroSerde.of(DeadLetter.class).encode(DeadLetter.newBuilder()
                .setStage("s").setErrorClass("e").setMessage("m").setFailedAt(Instant.EPOCH).build());
        byte[] truncated = java.util.Arrays.copyOf(good, 12);
        assertThatThrownBy(() -> AvroSerde.of(DeadLetter.class).decode(truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void articleIdsAreStableAndDependOnlyOnTheCanonicalUrl() {
        assertThat(ArticleIds.of("https://example.org/a")).hasSize(32).isEqualTo(ArticleIds.of("https://example.org/a"));
        assertThat(ArticleIds.of("https://example.org/a")).isNotEqualTo(ArticleIds.of("https://example.org/b"));
    }

    @Test
    void topicNamesFollowThePrefix() {
        Topics t = new Topics("x.");
        assertThat(t.raw()).isEqualTo("x.raw");
        assertThat(t.category("Vietnam-Visit")).isEqualTo("x.category.vietnam-visit");
        assertThatThrownBy(() -> t.category("no spaces")).isInstanceOf(IllegalArgumentException.class);
    }
}
