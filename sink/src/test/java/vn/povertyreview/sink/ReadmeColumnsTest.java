package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's section "Table `<table>`" documents every column of the migrated table, each in a
 * table row of its own, and no column that does not exist: a migration that adds a column without
 * documenting it fails here.
 */
class ReadmeColumnsTest {

    private static final Path README = Path.of("..", "README.md");
    /** A table row whose first cell is one column name in backticks. */
    private static final Pattern COLUMN_ROW = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|");

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();
    static Jdbi jdbi;

    @BeforeAll
    static void freshDatabase() {
        jdbi = TestDatabases.fresh(postgres.server());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unit_rollup", "classification_disagreement", "target_status", "target_gap_alert", "audit_event", "analyst",
            "analyst_unit", "expected_household_count", "review_progress"})
    void readmeListsEveryColumnOfTheTableInATableRow(String table) throws IOException {
        List<String> columns = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT column_name FROM information_schema.columns
                         WHERE table_schema = 'public' AND table_name = :table ORDER BY ordinal_position""")
                .bind("table", table)
                .mapTo(String.class)
                .list());
        assertThat(columns).isNotEmpty();

        Set<String> documented = documentedColumns(section(Files.readString(README, StandardCharsets.UTF_8), "### Table `" + table + "`"));

        assertThat(documented).as("columns of %s in the README", table).containsAll(columns);
        assertThat(columns).as("README rows of %s name existing columns", table).containsAll(documented);
    }

    /** The text under the heading up to the next heading of the same or a higher level. */
    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README heading %s", heading).isNotNegative();
        Matcher next = Pattern.compile("(?m)^#{2,3} ").matcher(readme);
        int end = next.find(start + heading.length() + 2) ? next.start() : readme.length();
        return readme.substring(start, end);
    }

    private static Set<String> documentedColumns(String section) {
        Set<String> names = new LinkedHashSet<>();
        Matcher row = COLUMN_ROW.matcher(section);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
