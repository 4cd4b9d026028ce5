package dev.khabar.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

    private static final String MINIMAL = """
            categories:
              - id: space
                threshold: 3
                terms:
                  en: {rocket: 2, satellite: 2, "space agency": 3}
                  hi: {रॉकेट: 2, उपग्रह: 2, इसरो: 3}
            """;

    @Test
    void defaultsHaveTheThreeCategories() {
        assertThat(Taxonomy.defaults().categoryIds()).containsExactly("defence", "diplomacy", "vietnam-visit");
    }

    @Test
    void anOperatorAddsACategoryWithoutCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, MINIMAL);
        Taxonomy taxonomy = Taxonomy.load(file);
        assertThat(taxonomy.categoryIds()).containsExactly("space");
        Classification c = new TopicClassifier(taxonomy).classify("इसरो ने नया उपग्रह भेजा",
                "इसरो के रॉकेट ने आज सुबह उपग्रह को कक्षा में पहुंचाया।", "hi");
        assertThat(c.labels()).containsExactly("space");
    }

    @Test
    void presenceTermsWeighFullyOnlyNextToAPersonOfAnotherCountry() {
        String yaml = """
                categories:
                  - id: delhi-visit
                    threshold: 4
                    key_term_weight: 3
                    terms:
                      en: {"state visit": 2}
                    presence:
                      host: Q668
                      elsewhere: 0.25
                      window: 60
                      terms:
                        en: {"in New Delhi": 4}
                """;
        TopicClassifier classifier = new TopicClassifier(Taxonomy.parse(yaml));
        assertThat(classifier.classify("Putin in New Delhi", "Talks on oil and arms.", "en").labels())
                .as("a Russian named in the same title").containsExactly("delhi-visit");
        assertThat(classifier.classify("Modi in New Delhi", "Talks on oil and arms.", "en").labels())
                .as("India's own prime minister at home").isEmpty();
        assertThat(classifier.classify("Talks in the capital",
                "The talks in New Delhi were long. " + "Markets were calm and the weather was mild. ".repeat(3)
                        + "Putin was mentioned by an analyst.", "en").labels())
                .as("a foreigner named far from the phrase").isEmpty();
        assertThatThrownBy(() -> Taxonomy.parse(yaml.replace("elsewhere: 0.25", "elsewhere: 2")))
                .hasMessageContaining("category 'delhi-visit'").hasMessageContaining("presence");
        assertThatThrownBy(() -> Taxonomy.parse(yaml.replace("      host: Q668\n", "")))
                .hasMessageContaining("presence").hasMessageContaining("host");
    }

    @Test
    void aDatelineIsAPresenceTermOnlyAsTheStorysDateline() {
        TopicClassifier classifier = new TopicClassifier(Taxonomy.parse("""
                categories:
                  - id: delhi-visit
                    threshold: 4
                    key_term_weight: 3
                    terms:
                      en: {"state visit": 2}
                    presence:
                      host: Q668
                      elsewhere: 0.25
                      window: 120
                      terms:
                        en: {"in New Delhi": 4}
                      datelines:
                        en: {"New Delhi": 4}
                """));
        String talks = " Russian President Vladimir Putin held talks on oil and arms.";
        assertThat(classifier.classify("Talks on oil", "NEW DELHI, Dec 5 (Reuters) -" + talks, "en").labels())
                .containsExactly("delhi-visit");
        assertThat(classifier.classify("Talks on oil", "By a staff reporter\nNEW DELHI (AP) —" + talks, "en").labels())
                .as("first on a line near the start").containsExactly("delhi-visit");
        for (String notADateline : List.of("New Delhi-based analysts said" + talks, "New Delhi: the city said" + talks,
                "New Delhi, with its millions, waited." + talks, "Traffic was slow. New Delhi, Dec 5 —" + talks)) {
            assertThat(classifier.classify("Talks on oil", notADateline, "en").labels()).as(notADateline).isEmpty();
        }
    }

    @Test
    void rejectsAMissingOrBadThreshold() {
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("threshold: 3", "threshold: -1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category 'space'").hasMessageContaining("'threshold'");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("    threshold: 3\n", "")))
                .hasMessageContaining("category 'space'").hasMessageContaining("'threshold'");
    }

    @Test
    void rejectsBadTermsAndWeights() {
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("rocket: 2", "rocket: -2")))
                .hasMessageContaining("category 'space'").hasMessageContaining("rocket");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("en: {", "english: {")))
                .hasMessageContaining("category 'space'").hasMessageContaining("english");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("rocket: 2", "ro*: 2")))
                .hasMessageContaining("category 'space'").hasMessageContaining("ro*");
    }

    @Test
    void rejectsUnknownFieldsParentsAndContexts() {
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("threshold: 3", "threshold: 3\n    treshold: 4")))
                .hasMessageContaining("category 'space'").hasMessageContaining("unknown field 'treshold'");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("threshold: 3", "threshold: 3\n    parent: science")))
                .hasMessageContaining("category 'space'").hasMessageContaining("'parent'")
                .hasMessageContaining("science");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("threshold: 3",
                "threshold: 3\n    negative_contexts: [sport]")))
                .hasMessageContaining("category 'space'").hasMessageContaining("sport");
    }

    @Test
    void rejectsDuplicateIdsCyclesAndBadIds() {
        String twice = MINIMAL + MINIMAL.substring(MINIMAL.indexOf("  - id"));
        assertThatThrownBy(() -> Taxonomy.parse(twice)).hasMessageContaining("'space' is defined twice");
        String cycle = MINIMAL.replace("threshold: 3", "threshold: 3\n    parent: space");
        assertThatThrownBy(() -> Taxonomy.parse(cycle)).hasMessageContaining("cycle");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("id: space", "id: Space Race")))
                .hasMessageContaining("Space Race").hasMessageContaining("'id'");
    }

    @Test
    void rejectsARequirementWithNothingToMatch() {
        String yaml = MINIMAL + "    require:\n      - name: agency\n";
        assertThatThrownBy(() -> Taxonomy.parse(yaml))
                .hasMessageContaining("category 'space'").hasMessageContaining("requirement 'agency'");
    }

    @Test
    void rejectsTermsThatYamlReadsAsBooleans() {
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("hi: {रॉकेट: 2, उपग्रह: 2, इसरो: 3}", "hi: [on, off]")))
                .hasMessageContaining("category 'space'").hasMessageContaining("quote");
    }

    @Test
    void keyTermsAndCountriesAreOptionalRules() {
        String yaml = MINIMAL.replace("threshold: 3", """
                threshold: 3
                    key_term_weight: 3
                    require:
                      - name: two countries
                        min_countries: 2""");
        TopicClassifier classifier = new TopicClassifier(Taxonomy.parse(yaml));
        // weight-2 terms alone do not start the label, a weight-3 term does
        assertThat(classifier.classify("Rocket and satellite", "A rocket put a satellite in orbit for India and Japan.",
                "en").labels()).isEmpty();
        assertThat(classifier.classify("Space agency rocket", "The space agency of India and Japan launched a rocket.",
                "en").labels()).containsExactly("space");
        // the same text about one country does not meet the requirement
        assertThat(classifier.classify("Space agency rocket", "India's space agency launched a rocket.", "en")
                .labels()).isEmpty();
        assertThatThrownBy(() -> Taxonomy.parse(yaml.replace("key_term_weight: 3", "key_term_weight: 0")))
                .hasMessageContaining("key_term_weight");
    }

    @Test
    void passagesAreOptionalAndBounded() {
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("threshold: 3", "threshold: 3\n    passage_sentences: -1")))
                .hasMessageContaining("passage_sentences");
        assertThatThrownBy(() -> Taxonomy.parse(MINIMAL.replace("threshold: 3", "threshold: 3\n    passage_sentences: 2.5")))
                .hasMessageContaining("passage_sentences");
        String yaml = """
                categories:
                  - id: space
                    threshold: 8
                    terms:
                      en: {rocket: 2, "space agency": 3}
                    negative:
                      en: {markets: 1, shares: 1}
                """;
        String title = "A week of markets";
        String text = "Markets rose all week. Then the space agency launched a rocket. Shares of airlines fell.";
        // as a whole: (3 + 2 - 1 - 1) x the lead's weight 2 = 6, under 8; the middle sentence alone: 10
        assertThat(new TopicClassifier(Taxonomy.parse(yaml)).classify(title, text, "en").labels())
                .as("without passages the article as a whole decides").isEmpty();
        TopicClassifier passages = new TopicClassifier(Taxonomy.parse(yaml.replace("threshold: 8",
                "threshold: 8\n    passage_sentences: 1")));
        assertThat(passages.classify(title, text, "en").labels()).containsExactly("space");
        assertThat(passages.classify(title, "Markets rose all week. The space agency's rocket lifted markets and shares.",
                "en").labels()).as("a passage's own negative terms count").isEmpty();
    }

    @Test
    void rejectsSomethingThatIsNotATaxonomy() {
        assertThatThrownBy(() -> Taxonomy.parse("- just\n- a list\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Taxonomy.parse("categories: []\n")).hasMessageContaining("categories");
        assertThatThrownBy(() -> Taxonomy.parse("categories: [\n")).hasMessageContaining("YAML");
    }
}
