package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Short lines clinging to the ends of the body go; sentences that merely look similar stay. */
class EdgeTrimmerTest {
    private static final String PARAGRAPH = "The council approved the plan on Tuesday after a long debate about costs and timing.";

    @Test
    void dropsBylinesDatesAndCreditsBeforeTheText() {
        List<String> lines = new ArrayList<>(List.of("By Priya Natarajan", "November 20, 2019 - 11:28 AMT",
                "Photo: Reuters", "4 min read", "द्वारा मीरा जोशी", "१९ जून २०२४", PARAGRAPH));
        EdgeTrimmer.trim(lines, "Council approves plan");
        assertThat(lines).containsExactly("द्वारा मीरा जोशी", "१९ जून २०२४", PARAGRAPH);
    }

    @Test
    void keepsSentencesThatOnlyStartLikeBylines() {
        List<String> lines = new ArrayList<>(List.of("By the end of the year, the bridge will carry trains.",
                "Министр заявил, что работы завершатся в июне.", PARAGRAPH));
        EdgeTrimmer.trim(lines, "Bridge works");
        assertThat(lines).hasSize(3);
    }

    @Test
    void dropsContributorNewsletterAndContactLinesAfterTheText() {
        List<String> lines = new ArrayList<>(List.of(PARAGRAPH, "Readers who subscribe to the paper pay five dollars a month.",
                "(Reporting by Jane Doe; Editing by John Roe)", "Sign up for our free morning newsletter.",
                "Follow us on Twitter and Facebook.", "paul.example@news.example"));
        EdgeTrimmer.trim(lines, "Council approves plan");
        assertThat(lines).containsExactly(PARAGRAPH, "Readers who subscribe to the paper pay five dollars a month.");
    }

    @Test
    void dropsARepeatedHeadlineButNotASectionHeadingFromIt() {
        List<String> lines = new ArrayList<>(List.of("COUNCIL APPROVES THE HARBOUR PLAN, after a long debate", PARAGRAPH));
        EdgeTrimmer.trim(lines, "Council approves the harbour plan after long debate");
        assertThat(lines).containsExactly(PARAGRAPH);

        lines = new ArrayList<>(List.of("The harbour plan", PARAGRAPH));
        EdgeTrimmer.trim(lines, "Council approves the harbour plan after long debate");
        assertThat(lines).containsExactly("The harbour plan", PARAGRAPH);
    }
}
