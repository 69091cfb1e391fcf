package vn.povertyreview.ingest.internal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

/** The README's tables of Vietnamese headers, values and personal-data words say what the code accepts. */
class ReadmeVocabularyTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void listsEveryVietnameseHeaderOfEveryField() throws Exception {
        for (String field : ReviewFields.ALL) {
            String row = row("| `" + field + "` | ");
            for (String header : Vocabulary.vietnameseHeaders(field)) {
                assertThat(row).as("README header row of %s", field).contains(Vocabulary.normalized(header));
            }
        }
    }

    @Test
    void listsEveryVietnameseValue() throws Exception {
        for (Area area : Area.values()) {
            assertThat(row("| `area` | `" + area + "` |")).containsSubsequence(normalized(Vocabulary.AREA.vietnamese(area)));
        }
        for (Classification c : Classification.values()) {
            assertThat(row("| `classification` | `" + c + "` |"))
                    .containsSubsequence(normalized(Vocabulary.CLASSIFICATION.vietnamese(c)));
        }
        for (Indicator indicator : Indicator.values()) {
            assertThat(row("| `deprivations` | `" + indicator + "` |"))
                    .containsSubsequence(normalized(Vocabulary.INDICATOR.vietnamese(indicator)));
        }
        assertThat(row("| the flags | `true` |")).contains(Vocabulary.normalized(Vocabulary.YES));
        assertThat(row("| the flags | `false` |")).contains(Vocabulary.normalized(Vocabulary.NO));
    }

    @Test
    void listsEveryWordThatAnnouncesPersonalData() throws Exception {
        String table = " " + Vocabulary.folded(section("#### Personal data")) + " ";
        for (Map.Entry<PersonalData, List<String>> kind : Vocabulary.personalDataWords().entrySet()) {
            for (String word : kind.getValue()) {
                assertThat(table).as("README's personal-data words (%s)", kind.getKey()).contains(" " + word + " ");
            }
        }
    }

    private static List<String> normalized(List<String> words) {
        return words.stream().map(Vocabulary::normalized).toList();
    }

    /** The line of the README's table of Vietnamese headers and values that starts so, normalized as headers are. */
    private static String row(String start) throws Exception {
        return section("#### Vietnamese headers and values").lines()
                .filter(line -> line.startsWith(start))
                .findFirst()
                .map(Vocabulary::normalized)
                .orElseThrow(() -> new AssertionError("no README line starting " + start));
    }

    private static String section(String heading) throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = readme.indexOf("\n#", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
