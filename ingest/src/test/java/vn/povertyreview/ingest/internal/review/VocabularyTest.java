package vn.povertyreview.ingest.internal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

class VocabularyTest {

    @Test
    void namesAFieldByItsNameOrAVietnameseNameInAnyCaseSpacingOrUnicodeForm() {
        Map<String, String> headers = Map.of(
                "Mã hộ", ReviewFields.HOUSEHOLD_ID,
                "  NĂM  RÀ SOÁT ", ReviewFields.REVIEW_YEAR,
                "Mã xã", ReviewFields.COMMUNE_CODE,
                "Thôn / tổ dân phố", ReviewFields.VILLAGE_CODE,
                "khu vực", ReviewFields.AREA,
                "Số nhân khẩu", ReviewFields.MEMBERS,
                "Thu nhập bình quân đầu người/tháng", ReviewFields.INCOME,
                "Phân loại", ReviewFields.CLASSIFICATION,
                Normalizer.normalize("Dân tộc thiểu số", Normalizer.Form.NFD), ReviewFields.ETHNIC_MINORITY,
                "HOUSEHOLDID", ReviewFields.HOUSEHOLD_ID);
        headers.forEach((header, field) ->
                assertThat(Vocabulary.ofHeader(header)).as(header).isEqualTo(new ColumnMeaning.Field(field)));
    }

    @Test
    void namesEveryFieldInVietnameseAndNoneOfItsNamesIsTakenForPersonalData() {
        for (String field : ReviewFields.ALL) {
            assertThat(Vocabulary.vietnameseHeaders(field)).as(field).isNotEmpty();
            assertThat(Vocabulary.ofHeader(field)).isEqualTo(new ColumnMeaning.Field(field));
            for (String header : Vocabulary.vietnameseHeaders(field)) {
                assertThat(Vocabulary.ofHeader(header)).as(header).isEqualTo(new ColumnMeaning.Field(field));
            }
        }
    }

    @Test
    void recognisesPersonalDataByItsVietnameseOrEnglishName() {
        Map<PersonalData, List<String>> names = Map.of(
                PersonalData.NAME, List.of("Họ tên chủ hộ", "Họ và tên", "Tên chủ hộ", "name", "Head name", "headName", "fullName", "hoTen"),
                PersonalData.ID_NUMBER, List.of("CCCD", "Số CMND", "Số định danh cá nhân", "ID card", "idCard", "nationalId", "National ID"),
                PersonalData.PHONE, List.of("Số điện thoại", "SĐT", "phone", "phoneNumber", "Mobile"),
                PersonalData.BIRTH_DATE, List.of("Ngày sinh", "Năm sinh", "date of birth", "dateOfBirth", "DOB"),
                PersonalData.ADDRESS, List.of("Địa chỉ", "address", "Nơi thường trú"),
                PersonalData.EMAIL, List.of("Email", "e-mail"));
        names.forEach((kind, headers) -> {
            for (String header : headers) {
                assertThat(Vocabulary.ofHeader(header)).as(header).isEqualTo(new ColumnMeaning.Personal(kind));
                assertThat(Vocabulary.ofJsonProperty(header)).as(header).isEqualTo(new ColumnMeaning.Personal(kind));
            }
        });
    }

    @Test
    void callsOtherColumnsUnknownAndJsonPropertiesFieldsOnlyByTheirExactName() {
        assertThat(Vocabulary.ofHeader("STT")).isEqualTo(new ColumnMeaning.Unknown());
        assertThat(Vocabulary.ofHeader("Ghi chú")).isEqualTo(new ColumnMeaning.Unknown());
        assertThat(Vocabulary.ofJsonProperty("Mã hộ")).isEqualTo(new ColumnMeaning.Unknown());
        assertThat(Vocabulary.ofJsonProperty("householdid")).isEqualTo(new ColumnMeaning.Unknown());
        assertThat(Vocabulary.ofJsonProperty("householdId")).isEqualTo(new ColumnMeaning.Field("householdId"));
    }

    @Test
    void readsValuesInVietnameseOrByTheirCodes() {
        assertThat(Vocabulary.AREA.read("Thành thị")).contains(Area.URBAN);
        assertThat(Vocabulary.AREA.read(" nông  thôn ")).contains(Area.RURAL);
        assertThat(Vocabulary.AREA.read("rural")).contains(Area.RURAL);
        assertThat(Vocabulary.CLASSIFICATION.read("Hộ nghèo")).contains(Classification.POOR);
        assertThat(Vocabulary.CLASSIFICATION.read("HỘ CẬN NGHÈO")).contains(Classification.NEAR_POOR);
        assertThat(Vocabulary.CLASSIFICATION.read("Không nghèo")).contains(Classification.NOT_POOR);
        assertThat(Vocabulary.CLASSIFICATION.read("near_poor")).contains(Classification.NEAR_POOR);
        assertThat(Vocabulary.cellFlag("Có")).contains(true);
        assertThat(Vocabulary.cellFlag("KHÔNG")).contains(false);
        assertThat(Vocabulary.cellFlag("TRUE")).contains(true);
        assertThat(Vocabulary.flagWord("true")).isEmpty();
        assertThat(Vocabulary.flagWord("có")).contains(true);
    }

    @Test
    void readsEveryIndicatorByItsOfficialNameAndTheFormsOfficersWrite() {
        Map<String, Indicator> names = Map.ofEntries(
                Map.entry("việc làm", Indicator.EMPLOYMENT),
                Map.entry("người phụ thuộc", Indicator.DEPENDENTS),
                Map.entry("người phụ thuộc trong hộ", Indicator.DEPENDENTS),
                Map.entry("dinh dưỡng", Indicator.NUTRITION),
                Map.entry("bảo hiểm y tế", Indicator.HEALTH_INSURANCE),
                Map.entry("trình độ giáo dục của người lớn", Indicator.ADULT_EDUCATION),
                Map.entry("trình độ giáo dục người lớn", Indicator.ADULT_EDUCATION),
                Map.entry("tình trạng đi học của trẻ em", Indicator.CHILD_SCHOOLING),
                Map.entry("chất lượng nhà ở", Indicator.HOUSING_QUALITY),
                Map.entry("diện tích nhà ở bình quân đầu người", Indicator.HOUSING_AREA),
                Map.entry("nguồn nước sinh hoạt", Indicator.DRINKING_WATER),
                Map.entry("nhà tiêu hợp vệ sinh", Indicator.SANITATION),
                Map.entry("sử dụng dịch vụ viễn thông", Indicator.TELECOM),
                Map.entry("phương tiện phục vụ tiếp cận thông tin", Indicator.INFORMATION_ASSETS),
                Map.entry("Phương tiện tiếp cận thông tin", Indicator.INFORMATION_ASSETS),
                Map.entry("telecom", Indicator.TELECOM));
        names.forEach((name, indicator) -> assertThat(Vocabulary.INDICATOR.read(name)).as(name).contains(indicator));
    }
}
