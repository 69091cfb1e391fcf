package vn.povertyreview.sink;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.sink.targets.TargetGapAlertRow;

/** Alerts of units of Thanh Hóa (38): by default Xã Hà Trung (15271) falling from on track to at risk. */
public final class TargetGapAlertBuilder {

    static final String TOPIC = "target-gap-alerts";

    private final int reviewYear;
    private final String unitCode;
    private TargetStatusKind status = TargetStatusKind.AT_RISK;
    private TargetStatusKind previousStatus = TargetStatusKind.ON_TRACK;
    private String messageVi = "Xã Hà Trung có nguy cơ không đạt chỉ tiêu giảm 2,0 điểm % tỷ lệ hộ nghèo năm 2025 \"cảnh báo\"";
    private String gapPoints = "0.55";
    private Instant raisedAt = Instant.parse("2025-11-03T02:00:01.500Z");

    private TargetGapAlertBuilder(int reviewYear, String unitCode) {
        this.reviewYear = reviewYear;
        this.unitCode = unitCode;
    }

    public static TargetGapAlertBuilder anAlertOf(int reviewYear, String unitCode) {
        return new TargetGapAlertBuilder(reviewYear, unitCode);
    }

    public TargetGapAlertBuilder status(TargetStatusKind newStatus, TargetStatusKind newPreviousStatus) {
        this.status = newStatus;
        this.previousStatus = newPreviousStatus;
        return this;
    }

    TargetGapAlertBuilder message(String vi) {
        this.messageVi = vi;
        return this;
    }

    TargetGapAlertBuilder gapPoints(String newGapPoints) {
        this.gapPoints = newGapPoints;
        return this;
    }

    TargetGapAlertBuilder raisedAt(Instant time) {
        this.raisedAt = time;
        return this;
    }

    public String alertId() {
        return reviewYear + "/" + unitCode + "/POVERTY_RATE/RATE_POINTS/2.0/" + status;
    }

    public TargetGapAlert build() {
        return TargetGapAlert.newBuilder()
                .setAlertId(alertId())
                .setUnit(TargetStatusBuilder.unit(unitCode, "Xã Hà Trung"))
                .setParents(List.of(TargetStatusBuilder.unit("38", "Tỉnh Thanh Hóa"), TargetStatusBuilder.unit("VN", "Việt Nam")))
                .setReviewYear(reviewYear)
                .setMeasure(TargetMeasure.POVERTY_RATE)
                .setKind(TargetKind.RATE_POINTS)
                .setValue("2.0")
                .setStatus(status)
                .setPreviousStatus(previousStatus)
                .setYearClosed(false)
                .setGapHouseholds(7)
                .setGapPoints(gapPoints)
                .setCompletionPercent("12.50")
                .setMessageVi(messageVi)
                .setMessageEn("Commune Hà Trung is at risk of missing its 2025 target")
                .setRaisedAt(raisedAt)
                .build();
    }

    /** The alert as the sink would poll it from the given partition and offset: read into its row. */
    ConsumerRecord<String, TargetGapAlertRow> at(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, alertId(), TargetGapAlertRow.of(build()));
    }
}
