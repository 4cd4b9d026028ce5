package dev.khabar.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists every setting the code reads, with its variable. */
class ReadmeSettingsTest {

    @Test
    void everySettingIsDocumentedWithItsEnvironmentVariable() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        for (Setting s : Setting.ALL) {
            assertThat(text).as(s.key()).contains("| `" + s.key() + "` | `" + s.envName() + "` |");
        }
    }
}
