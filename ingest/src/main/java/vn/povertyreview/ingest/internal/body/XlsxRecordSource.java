package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;
import vn.povertyreview.ingest.internal.http.Message;
import vn.povertyreview.ingest.internal.review.ReviewTimeText;

/**
 * Reads an XLSX workbook body with POI's event (SAX) reader, row by row, so that a sheet of
 * hundreds of thousands of rows is never held as a document: the first sheet, or the one named,
 * whose first row with data is the header ({@link TableHeader}). Cells are read as Excel stores
 * them, not as it displays them: a number in plain digits (4.0 is 4, 1800000 is 1800000 whatever
 * its format), a date cell as a time in Vietnam, a boolean as TRUE or FALSE; they are then parsed
 * like CSV cells. Errors name the sheet, row and cell.
 *
 * <p>The body is first copied to a temporary file readable by its owner only (the zip format is
 * read from its end) and deleted when the request is done. Zip bombs, XML entities and cells or
 * rows past Excel's own sizes are refused with a rule of their own. Not thread-safe.
 */
public final class XlsxRecordSource implements RecordSource {

    /** A sheet of 200,000 review rows is about 200 MiB of XML; far more is no review list. */
    static final long MAX_PART_BYTES = 512L * 1024 * 1024;
    /** POI's default: a part expanding more than 100 times its compressed size is a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** The shared strings are held in memory; a list of 200,000 households needs a few MiB. */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    /** Excel's own limit of a cell's text. */
    static final int MAX_CELL_CHARS = 32_767;
    /** No review row comes near this; it bounds what one row may cost in memory. */
    static final int MAX_ROW_CHARS = 1024 * 1024;

    static {
        // POI keeps these limits globally; this is the one component of the service that opens workbooks.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private final ObjectMapper mapper;
    private final InputStream body;
    private final String sheetName;

    /** @param sheetName the sheet to read, or null for the first */
    public XlsxRecordSource(ObjectMapper mapper, InputStream body, String sheetName) {
        this.mapper = mapper;
        this.body = body;
        this.sheetName = sheetName;
    }

    @Override
    public void forEach(Consumer<SubmittedRecord> each) throws IOException {
        Path file = Files.createTempFile("review-upload-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                body.transferTo(out);
            }
            read(file, each);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void read(Path file, Consumer<SubmittedRecord> each) throws IOException {
        checkIsAWorkbook(file);
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = sharedStrings(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheetName == null || name.equalsIgnoreCase(sheetName.strip())) {
                        readSheet(name, sheet, styles, strings, each);
                        return;
                    }
                }
            }
            throw noSuchSheet(names);
        } catch (Stop stop) {
            throw stop.getCause();
        } catch (MalformedBodyException e) {
            throw e;
        } catch (IOException e) {
            throw isZipBomb(e) ? unsafe(new Message(
                    "phần nén của tệp giãn ra lớn bất thường (kiểu \"zip bomb\")",
                    "a compressed part of the file expands out of all proportion (a \"zip bomb\")")) : unreadable();
        } catch (SAXException e) {
            throw String.valueOf(e.getMessage()).contains("DOCTYPE") ? unsafe(new Message(
                    "tệp có khai báo DOCTYPE/thực thể XML, điều Excel không bao giờ ghi",
                    "the file declares a DOCTYPE or XML entities, which Excel never writes")) : unreadable();
        } catch (OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            // POI's own failures on a damaged package (NotOfficeXmlFileException, POIXMLException, ...).
            throw unreadable();
        }
    }

    private void readSheet(String name, InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
            Consumer<SubmittedRecord> each) throws IOException, SAXException, ParserConfigurationException {
        Rows rows = new Rows(name, each);
        XMLReader xml = XMLHelper.newXMLReader();
        BoundedText bounded = new BoundedText(name);
        bounded.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new StoredValues(), false));
        xml.setContentHandler(bounded);
        xml.parse(new InputSource(sheet));
        if (rows.header == null) {
            throw new MalformedBodyException(null, null, "body.empty", new Message(
                    "Trang tính '" + name + "' không có dữ liệu.", "Sheet '" + name + "' holds no data."));
        }
    }

    private static void checkIsAWorkbook(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new MalformedBodyException(null, null, "body.empty", new Message("Nội dung gửi lên trống.", "The body is empty."));
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2) {
            throw new MalformedBodyException(null, null, "xlsx.oldFormat", new Message(
                    "Đây là sổ tính Excel 97-2003 (.xls) hoặc sổ tính có đặt mật khẩu. Hãy mở tệp, bỏ mật khẩu nếu có, rồi lưu"
                            + " thành \"Excel Workbook (*.xlsx)\".",
                    "This is an Excel 97-2003 workbook (.xls) or a password-protected one. Open it, remove any password and"
                            + " save it as \"Excel Workbook (*.xlsx)\"."));
        }
        if (magic != FileMagic.OOXML) {
            throw notAWorkbook();
        }
    }

    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage workbook) throws IOException, SAXException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        try (InputStream in = new LimitedInputStream(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in);
        } catch (BodyTooLargeException e) {
            throw new MalformedBodyException(null, null, "xlsx.tooLarge", new Message(
                    "Phần văn bản của sổ tính (shared strings) lớn hơn " + MAX_SHARED_STRINGS_BYTES / (1024 * 1024)
                            + " MiB; hãy chia danh sách thành nhiều sổ tính.",
                    "The workbook's text (its shared strings) is larger than " + MAX_SHARED_STRINGS_BYTES / (1024 * 1024)
                            + " MiB; split the list into several workbooks."));
        }
    }

    private static boolean isZipBomb(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Zip bomb detected") || message.contains("MAX_FILE_COUNT")) {
                return true;
            }
        }
        return false;
    }

    private MalformedBodyException noSuchSheet(List<String> names) {
        if (names.isEmpty()) {
            return notAWorkbook();
        }
        return new MalformedBodyException(null, null, "xlsx.sheet", new Message(
                "Sổ tính không có trang tính '" + sheetName + "'; các trang tính có: " + String.join(", ", names) + ".",
                "The workbook has no sheet '" + sheetName + "'; its sheets are: " + String.join(", ", names) + "."),
                Map.of("sheets", names));
    }

    private static MalformedBodyException notAWorkbook() {
        return new MalformedBodyException(null, null, "xlsx.notAWorkbook", new Message(
                "Nội dung gửi lên không phải sổ tính Excel .xlsx. Hãy lưu tệp thành \"Excel Workbook (*.xlsx)\", hoặc gửi"
                        + " dạng CSV UTF-8 với Content-Type text/csv.",
                "The body is not an Excel .xlsx workbook. Save the file as \"Excel Workbook (*.xlsx)\", or send it as CSV"
                        + " UTF-8 with Content-Type text/csv."));
    }

    private static MalformedBodyException unreadable() {
        return new MalformedBodyException(null, null, "xlsx.unreadable", new Message(
                "Không đọc được sổ tính: tệp bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở tệp bằng Excel và lưu lại.",
                "The workbook cannot be read: the file is damaged or not a proper .xlsx. Open it in Excel and save it again."));
    }

    private static MalformedBodyException unsafe(Message why) {
        return new MalformedBodyException(null, null, "xlsx.unsafe", new Message(
                "Sổ tính bị từ chối vì lý do an toàn: " + why.vi() + ". Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.",
                "The workbook is refused for safety: " + why.en() + ". Open it in Excel, save it again and send it again."));
    }

    /** The rows of one sheet: the first with data is the header, every later one with data a record. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String sheet;
        private final Consumer<SubmittedRecord> each;
        private final List<String> cells = new ArrayList<>();
        private TableHeader header;
        private int row;
        private int nextColumn;
        private int index;

        Rows(String sheet, Consumer<SubmittedRecord> each) {
            this.sheet = sheet;
            this.each = each;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
            row = rowNum + 1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // A writer may leave out a cell's reference; it is then the one after the previous cell.
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (value == null || (header != null && column >= header.width())) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            if (header == null) {
                header = TableHeader.of(cells, row, new Message(
                        "Hàng đầu tiên có dữ liệu (hàng " + row + ") của trang tính '" + sheet + "'",
                        "The first row with data (row " + row + ") of sheet '" + sheet + "'"));
                return;
            }
            SubmittedRecord record = new SubmittedRecord(index++, row, header.fields(cells, mapper), true, null,
                    header.ignored(), new SheetRow(sheet, row, header.columnOfField()));
            try {
                each.accept(record);
            } catch (RuntimeException e) {
                throw new Stop(e);
            }
        }
    }

    /**
     * Numeric cells as Excel stores them rather than as a format displays them: a date or time
     * format gives the time in Vietnam (ISO-8601), any other a plain number without a trailing
     * {@code .0}. Only numbers pass through a formatter; text and booleans are untouched.
     */
    private static final class StoredValues extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing, true)
                        .atZone(ReviewTimeText.VIETNAM).toOffsetDateTime().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Stops reading at a cell or a row longer than any a review list has, before it fills the memory. */
    private static final class BoundedText extends XMLFilterImpl {

        private final String sheet;
        private String cell;
        private boolean inCell;
        private int cellChars;
        private int rowChars;

        BoundedText(String sheet) {
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("row".equals(localName)) {
                rowChars = 0;
            } else if ("c".equals(localName)) {
                cell = atts.getValue("r");
                inCell = true;
                cellChars = 0;
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("c".equals(localName)) {
                inCell = false;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (!inCell) {
                // Only the text of cells is kept; the spaces between elements are not.
                super.characters(ch, start, length);
                return;
            }
            cellChars += length;
            rowChars += length;
            if (cellChars > MAX_CELL_CHARS || rowChars > MAX_ROW_CHARS) {
                String where = cell == null ? sheet : new CellReference(sheet, new CellReference(cell).getRow(),
                        new CellReference(cell).getCol(), false, false).formatAsString();
                throw new MalformedBodyException(null, null, "xlsx.cellTooLong", new Message(
                        "Ô " + where + " (hoặc hàng của nó) dài quá giới hạn của Excel (" + MAX_CELL_CHARS + " ký tự một ô).",
                        "Cell " + where + " (or its row) is longer than Excel allows (" + MAX_CELL_CHARS + " characters a cell)."));
            }
            super.characters(ch, start, length);
        }
    }

    /** Carries an exception of the record consumer (too many records, ...) out of the XML parser unchanged. */
    private static final class Stop extends RuntimeException {

        Stop(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
