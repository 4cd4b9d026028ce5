package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.MultiLocaleTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class EntityLinkerTest {

    private final EntityLinker linker = EntityLinker.defaults();

    private List<String> ids(String text) {
        return linker.link(text).stream().map(EntityMatch::id).toList();
    }

    @MultiLocaleTest
    void linksOnePersonAcrossScripts() {
        assertThat(ids("पुतिन ने भाषण दिया।")).containsExactly("Q7747");
        assertThat(ids("Putin gave a speech.")).containsExactly("Q7747");
        assertThat(ids("Путин выступил с речью.")).containsExactly("Q7747");
        assertThat(ids("VLADIMIR PUTIN spoke")).containsExactly("Q7747");
    }

    @Test
    void everyStateIsKnownButNamesThatAreCommonWordsNeedTheirCapitalOrTheirFullName() {
        assertThat(ids("न्यूजीलैंड के प्रधानमंत्री")).containsExactly("Q664");
        assertThat(ids("The Prime Minister of New Zealand")).containsExactly("Q664");
        assertThat(ids("Греция и Чили")).contains("Q41");
        assertThat(ids("Chad and Sudan closed their border")).containsExactlyInAnyOrder("Q657", "Q1049");
        assertThat(ids("Chad closed its border")).as("a first name as often").isEmpty();
        assertThat(ids("a hanging chad decided the count")).isEmpty();
        assertThat(ids("Michael Jordan scored 40 points in Georgia")).isEmpty();
        assertThat(ids("King Abdullah of Jordan met Israel's president")).containsExactlyInAnyOrder("Q810", "Q801");
        assertThat(ids("niger seed prices rose in the mandi")).isEmpty();
        assertThat(ids("Niger's junta expelled the envoy")).containsExactly("Q1032");
        assertThat(ids("Northern Ireland voted")).containsExactly("Q145");
        assertThat(ids("माली ने बगीचे में पौधे लगाए।")).as("a gardener").isEmpty();
        assertThat(ids("माली गणराज्य में चुनाव, माली की राजधानी बमाको")).containsExactly("Q912");
    }

    @MultiLocaleTest
    void linksCountriesAndCitiesThroughSpellingVariants() {
        assertThat(ids("नार्थ कोरिया")).containsExactly("Q423");
        assertThat(ids("नॉर्थ कोरिया")).containsExactly("Q423");
        assertThat(ids("उत्तर कोरिया")).containsExactly("Q423");
        assertThat(ids("Hà Nội")).containsExactly("Q1858");
        assertThat(ids("Ha Noi")).containsExactly("Q1858");
        assertThat(ids("हनोई")).containsExactly("Q1858");
        assertThat(ids("हनोइ")).containsExactly("Q1858");
        assertThat(ids("Ханой")).containsExactly("Q1858");
    }

    @MultiLocaleTest
    void mentionsCarryExactOffsets() {
        String text = "कल पुतिन हनोई पहुँचे और त्रान होंग हा ने स्वागत किया।";
        for (EntityMatch e : linker.link(text)) {
            for (Span s : e.mentions()) {
                assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            }
        }
        EntityMatch ha = linker.link(text).stream().filter(e -> e.id().equals("khabar:tran-hong-ha")).findFirst()
                .orElseThrow();
        assertThat(ha.mentions()).extracting(Span::text).containsExactly("त्रान होंग हा");
        assertThat(ha.name()).isEqualTo("Tran Hong Ha");
        assertThat(ha.type()).isEqualTo("person");
    }

    @Test
    void linksInflectedRussianNames() {
        assertThat(ids("переговоры с Владимиром Путиным в Ханое")).containsExactlyInAnyOrder("Q7747", "Q1858");
        assertThat(ids("визит во Вьетнам")).containsExactly("Q881");
        // countries and capitals in the cases Russian puts them in
        assertThat(ids("переговоры России и Украины при посредничестве Турции"))
                .containsExactlyInAnyOrder("Q159", "Q212", "Q43");
        assertThat(ids("делегация Японии прилетела в Сеул из Пекина")).containsExactlyInAnyOrder("Q17", "Q8684", "Q956");
        // the Union government is India's: a Union minister's visit abroad is one between two states
        assertThat(ids("केंद्र सरकार ने वियतनाम को सहायता भेजी")).containsExactlyInAnyOrder("khabar:union-government-of-india", "Q881");
        // Qatar is listed by its forms: a stem would also take "катаракта" (a cataract)
        assertThat(ids("операция по удалению катаракты")).isEmpty();
    }

    @Test
    void respectsWordBoundariesIncludingMatras() {
        // "रूसी" (Russian) is listed, but "रूस" must not match inside an unrelated word
        assertThat(ids("रूसोफोबिया पर लेख")).isEmpty();
        assertThat(ids("Indiana and Chinatown")).isEmpty();
        assertThat(ids("मोदीनगर")).isEmpty();
    }

    @Test
    void longestNameWins() {
        assertThat(ids("नई दिल्ली में बैठक")).containsExactly("Q987");
        assertThat(ids("Kim Jong Un met the press")).containsExactly("Q56226");
    }

    @Test
    void shortNamesNeedAFullNameOrContext() {
        assertThat(ids("Kim said the weather was fine.")).isEmpty();
        assertThat(ids("Kim Jong Un arrived. Later Kim said the talks went well."))
                .containsExactly("Q56226");
        assertThat(linker.link("Kim Jong Un arrived. Later Kim said more.").get(0).mentions()).hasSize(2);
        // "लैम" alone is To Lam only when Vietnam is in the text
        assertThat(ids("लैम ने कहा")).isEmpty();
        assertThat(ids("वियतनाम में लैम ने कहा")).contains("khabar:to-lam");
    }

    @Test
    void caseSensitiveAliasesOnlyMatchTheirCapitalisation() {
        assertThat(ids("The UN said so.")).containsExactly("Q1065");
        assertThat(ids("un jour à Paris")).containsExactly("Q90");
        assertThat(ids("Let us go.")).isEmpty();
    }

    @Test
    void titleOnlyEntitiesComeLastWithoutMentions() {
        List<EntityMatch> found = linker.link(FoldedText.of("Putin arrived."), FoldedText.of("Vietnam visit"));
        assertThat(found).extracting(EntityMatch::id).containsExactly("Q7747", "Q881");
        assertThat(found.get(1).mentions()).isEmpty();
    }

    @Test
    void gazetteerRejectsBadRows() {
        Assertions.assertThatThrownBy(() -> Gazetteer.load(stream("Q1\tplanet\tEarth\tपृथ्वी\t\t\n")))
                .hasMessageContaining("planet").hasMessageContaining("line 1");
        Assertions.assertThatThrownBy(() -> Gazetteer.load(stream("Q7747x\tperson\tX\tX\n")))
                .hasMessageContaining("bad id");
    }

    @Test
    void everyDefaultIdIsAQidOrAKhabarId() {
        for (Gazetteer.Entry e : Gazetteer.defaults().entries()) {
            assertThat(e.id()).matches("Q[1-9][0-9]*|khabar:[a-z0-9-]+");
            assertThat(e.nameHi()).as(e.id()).isNotBlank();
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
