package dev.khabar.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.demo.SampleSite;
import dev.khabar.console.runtime.PipelineSession;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium), fed by the whole pipeline on the sample
 * site over an embedded broker: what a person sees on a desktop and on a phone, and that it
 * changes by itself when new records arrive.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String NEW_TITLE = "नौसेना को मिली नई स्वदेशी पनडुब्बी, रक्षा मंत्री बोले सेना की ताक़त बढ़ेगी";

    @Test
    void showsArticlesChartsSourcesAndDeadLettersAndUpdatesLiveOnAPhoneToo(EmbeddedKafkaBroker kafka) throws Exception {
        KhabarConfig config = new ConfigLoader()
                .flag("kafka.bootstrap", kafka.bootstrapServers())
                .flag("kafka.partitions", 2)
                .flag("ingest.per-host-delay", "0ms")
                .load();
        PrometheusMeterRegistry metrics = DashboardMetrics.prometheus();
        List<EnrichedArticle> seen = new CopyOnWriteArrayList<>();
        try (SampleSite site = SampleSite.start(0);
             PipelineSession session = PipelineSession.start(config,
                     List.of(Source.of("sample", SourceType.RSS, site.feedUri(), Duration.ofMinutes(1), true)),
                     metrics, IngestListener.NONE);
             AutoCloseable streamsMetrics = DashboardMetrics.bind(metrics, session.processor().streams());
             Dashboard dashboard = Dashboard.start(new Dashboard.Options(0, session.bootstrap(), Map.of(),
                     config.topics(), metrics, session.processor().streams()));
             HeadlessChromium browser = HeadlessChromium.start(1280, 1900)) {

            PipelineSession.OnceResult result = session.runOnce(seen::add, Duration.ofMinutes(3));
            assertThat(result.complete()).as("the pipeline processed the sample site").isTrue();
            var driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            wait.ignoring(StaleElementReferenceException.class); // lists are re-rendered as snapshots arrive
            driver.get(dashboard.uri().toString());

            // the latest articles: every sample article, a Hindi one with its title in Devanagari and lang="hi"
            wait.until(d -> d.findElements(By.cssSelector("#articles > li")).size() == seen.size());
            EnrichedArticle hindiDefence = seen.stream()
                    .filter(a -> a.getLanguage().equals("hi") && a.getLabels().contains("defence")).findFirst().orElseThrow();
            WebElement card = driver.findElement(By.cssSelector("#articles > li[data-id='" + hindiDefence.getId() + "']"));
            WebElement title = card.findElement(By.cssSelector("a.title"));
            assertThat(title.getText()).isEqualTo(hindiDefence.getTitle()).containsPattern("\\p{IsDevanagari}");
            assertThat(title.getDomAttribute("lang")).isEqualTo("hi");
            assertThat(title.isDisplayed()).isTrue();
            assertThat(card.findElements(By.cssSelector(".labels .chip")).stream().map(WebElement::getText))
                    .anySatisfy(t -> assertThat(t).startsWith("defence"));
            List<WebElement> marks = card.findElements(By.cssSelector(".evidence li[data-label='defence'] mark"));
            assertThat(marks).as("the words that made the defence label, highlighted").isNotEmpty();
            assertThat(marks.get(0).getText()).isNotBlank();
            assertThat(card.findElements(By.cssSelector(".entities .chip"))).isNotEmpty();

            // the category chart has a defence series adding up to the defence articles, and the totals say so
            long defence = seen.stream().filter(a -> a.getLabels().contains("defence")).count();
            wait.until(d -> sumOfCounts(d.findElements(By.cssSelector("#chart-labels rect[data-series='defence']"))) == defence);
            assertThat(driver.findElement(By.cssSelector("#totals-labels .bar[data-series='defence'] .n")).getText())
                    .isEqualTo(String.valueOf(defence));
            long hindi = seen.stream().filter(a -> a.getLanguage().equals("hi")).count();
            assertThat(sumOfCounts(driver.findElements(By.cssSelector("#chart-languages rect[data-series='hi']"))))
                    .isEqualTo(hindi);

            // per-source ingest status, throughput rows, live connection, Kafka and Streams healthy
            wait.until(d -> d.findElement(By.cssSelector("#sources .src[data-source='sample'] [data-stat='published']"))
                    .getText().equals(seen.size() + " published"));
            assertThat(driver.findElement(By.cssSelector("#sources .src[data-source='sample'] [data-stat='errors']")).getText())
                    .isEqualTo("0 errors");
            assertThat(driver.findElement(By.cssSelector("#sources .src[data-source='sample'] .when")).getText())
                    .matches("last poll \\d+ s ago");
            assertThat(driver.findElement(By.cssSelector("#throughput .row[data-topic='news.enriched']")).getText())
                    .contains("news.enriched");
            wait.until(d -> d.findElement(By.id("conn")).getText().equals("live"));
            assertThat(driver.findElement(By.id("streams")).getText()).isEqualTo("Streams RUNNING");
            assertThat(driver.findElement(By.id("dlq-empty")).isDisplayed()).isTrue();

            // new records arrive: the page changes by itself, without a reload
            driver.executeScript("window.__notReloaded = 'yes';");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, session.bootstrap()),
                    new StringSerializer(), new ByteArraySerializer())) {
                RawArticle fresh = freshArticle(site.baseUri().resolve("hi/2024/08/navy-submarine.html").toString());
                producer.send(new ProducerRecord<>(config.topics().raw(), fresh.getId(),
                        AvroSerde.of(RawArticle.class).encode(fresh))).get();
                producer.send(new ProducerRecord<>(config.topics().raw(), "corrupt-dashboard",
                        "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            }
            WebElement newCard = wait.until(d -> d.findElements(By.cssSelector("#articles > li")).stream()
                    .filter(li -> li.findElement(By.cssSelector("a.title")).getText().equals(NEW_TITLE))
                    .findFirst().orElse(null));
            assertThat(newCard.getDomAttribute("class")).contains("fresh");
            WebElement letter = wait.until(d -> d.findElements(By.cssSelector("#dead-letters > li")).stream().findFirst()
                    .orElse(null));
            assertThat(letter.findElement(By.cssSelector(".stage")).getText()).isEqualTo("deserialize");
            assertThat(letter.findElement(By.cssSelector(".pos")).getText()).contains("input " + config.topics().raw() + "-");
            assertThat(driver.findElement(By.id("kpi-dlq")).getText()).isEqualTo("1");
            assertThat(driver.executeScript("return window.__notReloaded;")).isEqualTo("yes");
            screenshot(browser, "dashboard.png");

            // on a phone: one column, nothing wider than the screen
            browser.emulatePhone(390, 844);
            wait.until(d -> Long.valueOf(390).equals(browser.driver.executeScript("return window.innerWidth;")));
            Object overflow = driver.executeScript(
                    "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
            assertThat(((Number) overflow).longValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
            WebElement phoneCard = driver.findElement(By.cssSelector("#articles > li[data-id='" + hindiDefence.getId() + "']"));
            assertThat(phoneCard.isDisplayed()).isTrue();
            assertThat(phoneCard.getRect().getX() + phoneCard.getRect().getWidth()).isLessThanOrEqualTo(390);
            screenshot(browser, "dashboard-phone.png");

            // the orchestrators' endpoints
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ready = get(http, dashboard.uri().resolve("ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"streams\":\"RUNNING\"");
            assertThat(get(http, dashboard.uri().resolve("health")).statusCode()).isEqualTo(200);
            String scrape = get(http, dashboard.uri().resolve("metrics")).body();
            assertThat(scrape).contains("khabar_processor_labels_total{label=\"defence\"}",
                    "khabar_ingest_outcomes_total{outcome=\"published\",source=\"sample\"}", "kafka_stream_");
        }
    }

    private static long sumOfCounts(List<WebElement> rects) {
        return rects.stream().mapToLong(r -> Long.parseLong(r.getDomAttribute("data-count"))).sum();
    }

    private static RawArticle freshArticle(String url) {
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("sample")
                .setFetchedAt(Instant.now()).setHttpStatus(200).setTitle(NEW_TITLE).setLanguageHint("hi")
                .setText("भारतीय नौसेना को आज एक नई स्वदेशी पनडुब्बी सौंपी गई। रक्षा मंत्री ने कहा कि इससे समुद्री सुरक्षा "
                        + "मज़बूत होगी और सेना की ताक़त बढ़ेगी।\nपनडुब्बी में आधुनिक हथियार प्रणाली और सोनार लगे हैं।")
                .setExtractorVersion("dashboard-it")
                .build();
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void screenshot(HeadlessChromium browser, String name) throws Exception {
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Files.write(out, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
