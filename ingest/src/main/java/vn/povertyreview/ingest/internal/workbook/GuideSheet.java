package vn.povertyreview.ingest.internal.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The template's instructions sheet, in Vietnamese: the steps, then how to fill each column. */
final class GuideSheet {

    private GuideSheet() {
    }

    static void write(Sheet sheet, WorkbookStyles styles, List<ReviewColumn> columns, boolean forAdmin) {
        sheet.setColumnWidth(0, 46 * 256);
        sheet.setColumnWidth(1, 110 * 256);
        Lines lines = new Lines(sheet, styles);
        lines.add(styles.title, "Hướng dẫn điền danh sách rà soát hộ nghèo, hộ cận nghèo", null);
        lines.skip();
        lines.add(styles.header, "Các bước", null);
        lines.add(styles.wrapped, "1. Điền mỗi hộ một hàng ở trang '" + ReviewTemplate.REVIEW_SHEET + "', bắt đầu từ hàng 2.",
                "Giữ nguyên hàng tiêu đề (hàng 1) và thứ tự các trang; không cần xóa cột không dùng.");
        lines.add(styles.wrapped, "2. Chọn giá trị trong danh sách thả xuống ở các cột Khu vực, Kết quả phân loại,"
                + " các chỉ số thiếu hụt và các đặc điểm của hộ.", "Các cột chỉ số thiếu hụt: Có nếu hộ thiếu hụt, Không hoặc để trống nếu không.");
        lines.add(styles.wrapped, "3. Lưu tệp dạng Excel Workbook (.xlsx).",
                "Không lưu thành .xls. Có thể thêm cột ghi chú hay họ tên chủ hộ để xã tự theo dõi: hệ thống bỏ qua các cột đó,"
                        + " không lưu họ tên, số căn cước, số điện thoại, ngày sinh hay địa chỉ.");
        lines.add(styles.wrapped, "4. Mở trang tải lên (địa chỉ /upload của hệ thống), đăng nhập bằng mã truy cập do quản trị viên cấp,"
                + " rồi chọn hoặc kéo thả tệp vào trang.", "Trang cho biết số hộ đã nhận, số hộ bị từ chối và lý do của từng hộ,"
                + " kèm ô bị lỗi (ví dụ '" + ReviewTemplate.REVIEW_SHEET + "'!H12).");
        lines.add(styles.wrapped, "5. Nếu có hộ bị từ chối: bấm \"Tải các dòng bị từ chối\", sửa các ô tô đỏ theo cột Lỗi,"
                + " lưu rồi tải tệp đó lên lại.", "Các hộ đã được nhận không cần gửi lại; gửi lại một hộ không làm nó bị đếm hai lần.");
        lines.skip();
        lines.add(styles.header, "Danh mục xã", null);
        lines.add(styles.wrapped, "Trang '" + ReviewTemplate.COMMUNE_SHEET + "'", forAdmin
                ? "Mọi xã/phường của danh mục hành chính từ 1/7/2025 (năm rà soát 2025 trở đi), với mã tỉnh."
                : "Các xã mà mã truy cập của bạn được gửi kết quả, theo danh mục của từng giai đoạn: từ năm rà soát 2025"
                        + " theo danh mục sau sắp xếp (không còn cấp huyện), đến năm 2024 theo danh mục cũ (có mã huyện).");
        lines.add(styles.wrapped, "Thôn, tổ dân phố", "Danh mục không liệt kê thôn: ghi mã thôn do xã đặt; mã mới được nhận ngay.");
        lines.skip();
        lines.add(styles.header, "Cột", "Cách ghi");
        for (ReviewColumn column : columns) {
            lines.add(styles.wrapped, column.header(), column.guideVi());
        }
    }

    /** Writes the sheet line after line. */
    private static final class Lines {

        private final Sheet sheet;
        private final WorkbookStyles styles;
        private int next;

        Lines(Sheet sheet, WorkbookStyles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void add(CellStyle style, String first, String second) {
            Row row = sheet.createRow(next++);
            Cell a = row.createCell(0);
            a.setCellValue(first);
            a.setCellStyle(style);
            if (second != null) {
                Cell b = row.createCell(1);
                b.setCellValue(second);
                b.setCellStyle(style == styles.header ? styles.header : styles.wrapped);
            }
        }

        void skip() {
            next++;
        }
    }
}
