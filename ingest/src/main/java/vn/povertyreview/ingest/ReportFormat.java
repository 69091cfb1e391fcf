package vn.povertyreview.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.povertyreview.ingest.internal.workbook.ReportCsv;
import vn.povertyreview.ingest.internal.workbook.ReportWorkbook;
import vn.povertyreview.sink.report.ReportTable;

/** The file formats of a report: the XLSX workbook in the official layout, or the same tables as one CSV. */
public enum ReportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a file name ends in ({@code .xlsx} or {@code .csv}, any case), if either. */
    public static Optional<ReportFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Writes the tables in this format; the stream is left open. */
    public void write(List<ReportTable> tables, OutputStream out) throws IOException {
        switch (this) {
            case XLSX -> ReportWorkbook.write(tables, out);
            case CSV -> ReportCsv.write(tables, out);
        }
    }
}
