package vn.povertyreview.ingest.internal.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.internal.http.IngestJson;

class CsvRecordSourceTest {

    @Test
    void numbersRowsByTheLineTheyStartOnCountingQuotedLineBreaksAndBlankLines() throws IOException {
        List<SubmittedRecord> records = read("householdId,villageCode\r\nHH-1,TK1\r\n\r\n\"HH-2\nX\",TK2\r\nHH-3,TK3\r\n");

        assertThat(records).extracting(SubmittedRecord::line).containsExactly(2, 4, 6);
        assertThat(records).extracting(SubmittedRecord::index).containsExactly(0, 1, 2);
        assertThat(records.get(1).fields().get("householdId").asText()).isEqualTo("HH-2\nX");
    }

    @Test
    void dropsTheByteOrderMarkSpreadsheetsWrite() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "householdId\nHH-1\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(text, 0, body, bom.length, text.length);

        List<SubmittedRecord> records = read(body);

        assertThat(records.get(0).fields().get("householdId").asText()).isEqualTo("HH-1");
    }

    @Test
    void leavesEmptyCellsOutAndFlagsARowWithMoreCellsThanTheHeader() throws IOException {
        List<SubmittedRecord> records = read("householdId,districtCode,villageCode\nHH-1,,TK1\nHH-2,,TK2,surplus\nHH-3,,TK3,\n");

        assertThat(records.get(0).fields().has("districtCode")).isFalse();
        assertThat(records.get(0).shapeProblem()).isNull();
        assertThat(records.get(1).shapeProblem().rule()).isEqualTo("record.columns");
        assertThat(records.get(2).shapeProblem()).as("a trailing empty cell is harmless").isNull();
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] body = {'h', 'o', 'u', 's', 'e', 'h', 'o', 'l', 'd', 'I', 'd', '\n', (byte) 0xC0, (byte) 0x41, '\n'};

        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesAHeaderThatNamesAColumnTwice() {
        assertThatThrownBy(() -> read("householdId,householdId\nA,B\n")).isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void findsTheSemicolonOrTabSeparatorFromTheHeaderAndReadsAQuotedListOfIndicators() throws IOException {
        List<SubmittedRecord> semicolons = read("Mã hộ;Thiếu hụt;Số nhân khẩu\r\nHH-1;\"NUTRITION;TELECOM\";4\r\n");
        List<SubmittedRecord> tabs = read("householdId\tmembers\nHH-2\t5\n");

        assertThat(semicolons.get(0).fields().get("householdId").asText()).isEqualTo("HH-1");
        assertThat(semicolons.get(0).fields().get("deprivations").asText()).isEqualTo("NUTRITION;TELECOM");
        assertThat(semicolons.get(0).fields().get("members").asText()).isEqualTo("4");
        assertThat(tabs.get(0).fields().get("members").asText()).isEqualTo("5");
    }

    @Test
    void readsTheCommaOfAVietnameseHeaderInASemicolonFileAsPartOfTheName() throws IOException {
        List<SubmittedRecord> records = read("Mã hộ;Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp\nHH-1;Có\n");

        assertThat(records.get(0).fields().get("agricultureForestryFishery").asText()).isEqualTo("Có");
    }

    @Test
    void neverReadsTheCellsOfPersonalDataOrUnknownColumns() throws IOException {
        List<SubmittedRecord> records = read("householdId,Họ tên chủ hộ,Ghi chú\nHH-1,Nguyễn Văn A,xin chào\n");

        assertThat(records.get(0).fields().size()).isEqualTo(1);
        assertThat(records.get(0).ignored()).extracting(IgnoredColumn::name, IgnoredColumn::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Họ tên chủ hộ", "column.personalData"),
                        org.assertj.core.groups.Tuple.tuple("Ghi chú", "column.unknown"));
    }

    @Test
    void refusesAHeaderSeparatedByAnotherMarkOrMixingMarksNamingTheRule() {
        assertThatThrownBy(() -> read("householdId|members\nHH-1|4\n")).isInstanceOf(MalformedBodyException.class)
                .satisfies(e -> assertThat(((MalformedBodyException) e).rule()).isEqualTo("csv.separator"));
        assertThatThrownBy(() -> read("householdId;members,area;reviewYear\nHH-1;4,RURAL;2025\n"))
                .isInstanceOf(MalformedBodyException.class)
                .satisfies(e -> assertThat(((MalformedBodyException) e).rule()).isEqualTo("csv.separator"));
        assertThatThrownBy(() -> read("STT,Ghi chú\n1,x\n")).isInstanceOf(MalformedBodyException.class)
                .satisfies(e -> assertThat(((MalformedBodyException) e).rule()).isEqualTo("header.missing"));
        assertThatThrownBy(() -> read("Mã hộ,householdId\nA,B\n")).isInstanceOf(MalformedBodyException.class)
                .satisfies(e -> assertThat(((MalformedBodyException) e).rule()).isEqualTo("header.duplicate"));
    }

    private static List<SubmittedRecord> read(String csv) throws IOException {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<SubmittedRecord> read(byte[] csv) throws IOException {
        CsvRecordSource source = new CsvRecordSource(IngestJson.mapper(), new ByteArrayInputStream(csv));
        List<SubmittedRecord> records = new ArrayList<>();
        SubmittedRecord record;
        while ((record = source.next()) != null) {
            records.add(record);
        }
        return records;
    }
}
