package vn.povertyreview.ingest.internal.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.auth.PermittedCommunes;
import vn.povertyreview.ingest.internal.auth.PermittedCommunes.Commune;
import vn.povertyreview.ingest.internal.kafka.KeyedView;
import vn.povertyreview.ingest.internal.review.ReviewFields;
import vn.povertyreview.ingest.internal.workbook.ReviewColumn.Kind;

/**
 * The workbook reviewers fill in: a first sheet with the header in both languages and drop-down
 * lists, which the upload reader takes unchanged once filled; an instructions sheet in
 * Vietnamese; and the communes the caller may submit for ({@link PermittedCommunes}), each with
 * the villages admins have registered a name for in its map. Thread-safe.
 */
public final class ReviewTemplate {

    public static final String FILE_NAME = "mau-danh-sach-ra-soat.xlsx";
    public static final String REVIEW_SHEET = "Danh sách hộ";
    public static final String GUIDE_SHEET = "Hướng dẫn";
    public static final String COMMUNE_SHEET = "Danh mục xã";
    /** Rows the drop-down lists and checks cover: more households than the largest commune has. */
    static final int FILLABLE_ROWS = 20_000;

    private final PermittedCommunes permitted;
    private final KeyedView<vn.povertyreview.schemas.AdminUnit> registered;

    /** @param registered the units of the admin-units topic: the villages with a registered name */
    public ReviewTemplate(PermittedCommunes permitted, KeyedView<vn.povertyreview.schemas.AdminUnit> registered) {
        this.permitted = permitted;
        this.registered = registered;
    }

    public void write(Caller caller, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            List<Commune> communes = permitted.of(caller);
            Sheet reviews = workbook.createSheet(REVIEW_SHEET);
            GuideSheet.write(workbook.createSheet(GUIDE_SHEET), styles, ReviewColumns.TEMPLATE, caller.isAdmin());
            writeCommunes(workbook.createSheet(COMMUNE_SHEET), styles, communes, villagesByCommune());
            writeReviewSheet(reviews, styles, communes.size());
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private static void writeReviewSheet(Sheet sheet, WorkbookStyles styles, int communes) {
        Row header = sheet.createRow(0);
        DataValidationHelper validations = sheet.getDataValidationHelper();
        for (int c = 0; c < ReviewColumns.TEMPLATE.size(); c++) {
            ReviewColumn column = ReviewColumns.TEMPLATE.get(c);
            Cell cell = header.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(styles.header);
            sheet.setDefaultColumnStyle(c, styles.of(column.kind()));
            sheet.setColumnWidth(c, Math.min(60, Math.max(14, column.header().length() + 2)) * 256);
            CellRangeAddressList cells = new CellRangeAddressList(1, FILLABLE_ROWS, c, c);
            constraint(validations, column, communes).ifPresent(constraint -> {
                DataValidation validation = validations.createValidation(constraint, cells);
                validation.setShowErrorBox(true);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                // Excel refuses a box whose title passes 32 characters or whose text passes 255.
                validation.createErrorBox("Giá trị không hợp lệ", column.guideVi());
                validation.setShowPromptBox(true);
                validation.createPromptBox("Cách ghi", column.guideVi());
                sheet.addValidationData(validation);
            });
        }
        header.setHeightInPoints(48);
        sheet.createFreezePane(1, 1);
    }

    /** What Excel checks as a reviewer types: the lists, the commune codes, the year and the members. */
    private static Optional<DataValidationConstraint> constraint(DataValidationHelper validations, ReviewColumn column,
            int communes) {
        if (column.kind() == Kind.CHOICE) {
            return Optional.of(validations.createExplicitListConstraint(column.choices().toArray(String[]::new)));
        }
        return switch (column.key()) {
            case ReviewFields.COMMUNE_CODE -> communes == 0 ? Optional.empty() : Optional.of(validations
                    .createFormulaListConstraint("'" + COMMUNE_SHEET + "'!$A$2:$A$" + (communes + 1)));
            case ReviewFields.REVIEW_YEAR -> Optional.of(validations.createIntegerConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "2022", "2030"));
            case ReviewFields.MEMBERS -> Optional.of(validations.createIntegerConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "1", "100"));
            default -> Optional.empty();
        };
    }

    /**
     * The registered villages, as "code name" texts in code order, by {@code <mapId>/<communeCode>}:
     * a village code of the review sheet is the part after its commune's code.
     */
    private Map<String, List<String>> villagesByCommune() {
        Map<String, List<String>> byCommune = new TreeMap<>();
        for (vn.povertyreview.schemas.AdminUnit village : registered.values(unit ->
                unit.getLevel() == vn.povertyreview.schemas.UnitLevel.VILLAGE && unit.getParentCode() != null)) {
            String villageCode = village.getCode().substring(village.getParentCode().length() + 1);
            byCommune.computeIfAbsent(village.getMapId() + "/" + village.getParentCode(), commune -> new ArrayList<>())
                    .add(villageCode + " " + village.getName());
        }
        return byCommune;
    }

    private static void writeCommunes(Sheet sheet, WorkbookStyles styles, List<Commune> communes,
            Map<String, List<String>> villages) {
        List<String> headers = List.of("Mã xã (communeCode)", "Tên xã", "Mã tỉnh (provinceCode)", "Tên tỉnh",
                "Mã huyện (districtCode)", "Tên huyện", "Năm rà soát áp dụng", "Thôn, tổ dân phố đã đăng ký (villageCode)");
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, (c % 2 == 1 ? 34 : 16) * 256);
        }
        int r = 1;
        for (Commune commune : communes) {
            AdminMap map = commune.map();
            AdminUnit unit = commune.unit();
            AdminUnit province = commune.province();
            Optional<AdminUnit> district = map.hasDistricts()
                    ? map.unit(UnitLevel.DISTRICT, unit.parentCode()) : Optional.empty();
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(unit.code());
            row.createCell(1).setCellValue(unit.name());
            row.createCell(2).setCellValue(province.code());
            row.createCell(3).setCellValue(province.name());
            row.createCell(4).setCellValue(district.map(AdminUnit::code).orElse(""));
            row.createCell(5).setCellValue(district.map(AdminUnit::name).orElse(""));
            row.createCell(6).setCellValue(map.hasDistricts() ? "2022–2024" : "2025 trở đi");
            row.createCell(7).setCellValue(String.join("; ", villages.getOrDefault(map.id() + "/" + unit.code(), List.of())));
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, communes.size()), 0, headers.size() - 1));
    }
}
