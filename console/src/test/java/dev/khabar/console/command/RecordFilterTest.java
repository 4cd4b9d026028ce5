package dev.khabar.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.khabar.console.view.RecordFilter;
import org.junit.jupiter.api.Test;

/** {@code watch --category/--lang/--source}. */
class RecordFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsRecordsMatchingEveryFilterThatIsSet() throws Exception {
        JsonNode article = JSON.readTree("{\"labels\":[\"defence\",\"diplomacy\"],\"language\":\"hi\",\"sourceId\":\"blog\"}");
        assertThat(RecordFilter.NONE.matches(article)).isTrue();
        assertThat(new RecordFilter("diplomacy", null, null).matches(article)).isTrue();
        assertThat(new RecordFilter("DEFENCE", "HI", "blog").matches(article)).isTrue();
        assertThat(new RecordFilter("vietnam-visit", null, null).matches(article)).isFalse();
        assertThat(new RecordFilter(null, "en", null).matches(article)).isFalse();
        assertThat(new RecordFilter("defence", "hi", "other").matches(article)).isFalse();
    }

    @Test
    void aFilterOnAFieldTheRecordDoesNotHaveDropsIt() throws Exception {
        JsonNode fetchLog = JSON.readTree("{\"url\":\"https://example.org/\",\"sourceId\":\"blog\",\"outcome\":\"published\"}");
        assertThat(new RecordFilter(null, null, "blog").matches(fetchLog)).isTrue();
        assertThat(new RecordFilter("defence", null, null).matches(fetchLog)).isFalse();
        assertThat(new RecordFilter(null, "hi", null).matches(fetchLog)).isFalse();
    }
}
