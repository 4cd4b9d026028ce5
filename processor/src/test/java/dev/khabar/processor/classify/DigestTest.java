package dev.khabar.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.clean.Paragraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which texts are digests of short items, and where each item's lead-in is. */
class DigestTest {

    private static List<String> leadIns(String text) {
        return Digest.items(text, Paragraphs.of(text)).stream().map(i -> text.substring(i[2], i[3])).toList();
    }

    @Test
    void itemsWithLeadInsOfTheirOwnMakeADigest() {
        assertThat(leadIns("""
                Rail fares: Ticket prices for sleeper class go up by two per cent from next month.
                Dam opened: Two gates of the reservoir were opened after heavy inflows overnight.
                Book fair: The annual book fair opens on Friday with 400 stalls."""))
                .containsExactly("Rail fares", "Dam opened", "Book fair");
        assertThat(leadIns("""
                1. बिजली दरें: आयोग ने घरेलू बिजली की दरों में कोई बदलाव नहीं किया।
                2. पुल का उद्घाटन: मुख्यमंत्री ने नदी पर बने नए पुल का उद्घाटन किया।
                3. परीक्षा तिथि: बोर्ड ने पूरक परीक्षाओं की तारीख़ें घोषित कीं।"""))
                .containsExactly("बिजली दरें", "पुल का उद्घाटन", "परीक्षा तिथि");
        assertThat(leadIns("""
                Транспорт. В городе открылись две новые станции метро.
                Выставка. В Манеже открылась выставка современной графики.
                Футбол. «Зенит» обыграл «Ростов» со счётом 2:0."""))
                .containsExactly("Транспорт", "Выставка", "Футбол");
    }

    @Test
    void anOrdinaryArticleIsNotADigest() {
        assertThat(leadIns("""
                The council met on Monday to discuss the budget for the next year.
                Mr. Rao said the city would spend more on schools. He added that buses would be added.
                Dr. Sen, the health officer, asked for two more clinics.
                The budget will be put to a vote next week."""))
                .isEmpty();
        assertThat(leadIns("""
                सेना ने कहा। सीमा पर हालात सामान्य हैं और गश्त जारी है।
                अधिकारियों ने बताया। इलाके में सड़क का काम तेज़ी से चल रहा है।
                मौसम साफ़ रहा। पर्यटकों की संख्या बढ़ी है।"""))
                .as("short first sentences ended by a danda are sentences, not lead-ins").isEmpty();
    }

    @Test
    void interviewsLiveBlogsAndPhotoStoriesAreOneStory() {
        assertThat(leadIns("""
                Q: What will the new budget change for farmers?
                A: More credit at lower interest, and insurance that pays faster.
                Q: And for the cities?
                A: Housing and transport."""))
                .as("repeated lead-ins").isEmpty();
        assertThat(leadIns("""
                सुबह 9:30 बजे: मतगणना शुरू हुई, पहले डाक मतपत्र गिने जा रहे हैं।
                सुबह 10:15 बजे: शुरुआती रुझानों में कांटे की टक्कर दिख रही है।
                दोपहर 12:00 बजे: चुनाव आयोग ने पहले नतीजे घोषित किए।"""))
                .as("times").isEmpty();
        assertThat(leadIns("""
                Photo 1: Crowds at the river front as the festival begins.
                Photo 2: Lamps floating on the water after sunset.
                Photo 3: Children watching the fireworks from a rooftop."""))
                .as("numbered labels").isEmpty();
    }

    @Test
    void aFewItemsInALongArticleDoNotMakeItADigest() {
        assertThat(leadIns("""
                The state's budget was presented on Tuesday with a focus on roads and schools.
                Roads: 12,000 km of rural roads will be resurfaced.
                Schools: 300 new classrooms will be built.
                Health: two medical colleges will open.
                The finance minister said the deficit would stay under three per cent.
                The opposition called the budget a list of old promises.
                Farm groups welcomed the higher support for irrigation.
                Markets reacted calmly to the announcements."""))
                .as("three items among eight paragraphs").isEmpty();
    }
}
