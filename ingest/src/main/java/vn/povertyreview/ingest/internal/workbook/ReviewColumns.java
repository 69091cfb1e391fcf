package vn.povertyreview.ingest.internal.workbook;

import java.util.ArrayList;
import java.util.List;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.ingest.internal.review.ReviewFields;
import vn.povertyreview.ingest.internal.review.Vocabulary;
import vn.povertyreview.ingest.internal.workbook.ReviewColumn.Kind;

/**
 * The columns of the workbooks the product hands out, in the order a reviewer fills them: every
 * header in both languages, as {@link Vocabulary#templateHeader} writes it, so that the upload
 * reader takes a filled workbook unchanged. The indicators have a Có/Không column each.
 */
final class ReviewColumns {

    static final ReviewColumn REVIEW_ID = field(ReviewFields.REVIEW_ID, Kind.TEXT,
            "Không bắt buộc. Mã của bản ghi; để trống thì hệ thống tự tạo từ nội dung bản ghi.");
    /** The indicators in one cell, as an upload that listed them had them. */
    static final ReviewColumn DEPRIVATION_LIST = field(ReviewFields.DEPRIVATIONS, Kind.TEXT,
            "Các chỉ số thiếu hụt của hộ, cách nhau bởi dấu ; hoặc , (ví dụ: dinh dưỡng; nhà tiêu hợp vệ sinh).");

    /** The template's columns. */
    static final List<ReviewColumn> TEMPLATE = template();

    private ReviewColumns() {
    }

    private static List<ReviewColumn> template() {
        List<ReviewColumn> columns = new ArrayList<>(List.of(
                field(ReviewFields.HOUSEHOLD_ID, Kind.TEXT, "Bắt buộc. Mã hộ do xã cấp: chữ không dấu, chữ số và các dấu . _ -,"
                        + " tối đa 64 ký tự. Không ghi họ tên hay số căn cước vào mã hộ."),
                field(ReviewFields.REVIEW_YEAR, Kind.WHOLE_NUMBER, "Bắt buộc. Năm rà soát, từ 2022 đến 2030."),
                field(ReviewFields.REVIEWED_AT, Kind.TIME, "Bắt buộc. Ngày (và giờ) rà soát, ghi ngày trước tháng: 12/11/2025 hoặc"
                        + " 12/11/2025 08:30, giờ Việt Nam. Không trước năm rà soát, không sau thời điểm gửi."),
                field(ReviewFields.PROVINCE_CODE, Kind.CODE, "Bắt buộc. Mã tỉnh/thành phố, 2 chữ số (xem trang 'Danh mục xã')."),
                field(ReviewFields.DISTRICT_CODE, Kind.CODE, "Để trống với năm rà soát từ 2025 (không còn cấp huyện);"
                        + " bắt buộc với năm rà soát đến 2024: mã huyện 3 chữ số."),
                field(ReviewFields.COMMUNE_CODE, Kind.CODE, "Bắt buộc. Mã xã/phường 5 chữ số, một xã mà mã truy cập của bạn được gửi"
                        + " (danh sách ở trang 'Danh mục xã')."),
                field(ReviewFields.VILLAGE_CODE, Kind.TEXT, "Bắt buộc. Mã thôn/tổ dân phố trong xã, do xã đặt (ví dụ TK1);"
                        + " một mã mới được nhận ngay lần đầu dùng."),
                choice(ReviewFields.AREA, words(Vocabulary.AREA, Area.values()), "Bắt buộc. Chọn Nông thôn hoặc Thành thị."),
                field(ReviewFields.MEMBERS, Kind.WHOLE_NUMBER, "Bắt buộc. Số nhân khẩu của hộ, từ 1 đến 100."),
                field(ReviewFields.INCOME, Kind.AMOUNT, "Không bắt buộc. Thu nhập bình quân đầu người một tháng, bằng đồng"
                        + " (ví dụ 1.500.000). Có thu nhập thì hệ thống đối chiếu được kết quả phân loại với chuẩn nghèo."),
                choice(ReviewFields.CLASSIFICATION, words(Vocabulary.CLASSIFICATION, Classification.values()),
                        "Bắt buộc. Kết quả phân loại đã được xã phê duyệt: Hộ nghèo, Hộ cận nghèo hoặc Không nghèo.")));
        for (Indicator indicator : Indicator.values()) {
            columns.add(new ReviewColumn(ReviewFields.deprivationColumn(indicator), Vocabulary.templateHeader(indicator),
                    Kind.CHOICE, flagWords(), "Có nếu hộ thiếu hụt chỉ số " + indicator.vietnamese()
                            + "; Không hoặc để trống nếu không thiếu hụt."));
        }
        for (String flag : List.of(ReviewFields.ETHNIC_MINORITY, ReviewFields.MERIT_FAMILY, ReviewFields.SOCIAL_PROTECTION,
                ReviewFields.NO_LABOR_CAPACITY, ReviewFields.AGRICULTURE_FORESTRY_FISHERY)) {
            columns.add(choice(flag, flagWords(), "Có hoặc Không; để trống là Không."));
        }
        return List.copyOf(columns);
    }

    /** The template's columns with the indicators in one list cell instead of twelve Có/Không columns. */
    static List<ReviewColumn> withDeprivationList() {
        List<ReviewColumn> columns = new ArrayList<>();
        for (ReviewColumn column : TEMPLATE) {
            if (!column.key().startsWith(ReviewFields.DEPRIVATIONS + ".")) {
                columns.add(column);
            } else if (!columns.contains(DEPRIVATION_LIST)) {
                columns.add(DEPRIVATION_LIST);
            }
        }
        return columns;
    }

    private static ReviewColumn field(String field, Kind kind, String guide) {
        return new ReviewColumn(field, Vocabulary.templateHeader(field), kind, List.of(), guide);
    }

    private static ReviewColumn choice(String field, List<String> choices, String guide) {
        return new ReviewColumn(field, Vocabulary.templateHeader(field), Kind.CHOICE, choices, guide);
    }

    private static List<String> flagWords() {
        return List.of(Vocabulary.YES, Vocabulary.NO);
    }

    /** The usual Vietnamese word of each value, in the enumeration's order. */
    private static <E extends Enum<E>> List<String> words(Vocabulary.Words<E> words, E[] values) {
        List<String> shown = new ArrayList<>();
        for (E value : values) {
            shown.add(words.vietnamese(value).get(0));
        }
        return shown;
    }
}
