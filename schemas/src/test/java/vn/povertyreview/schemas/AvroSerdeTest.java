package vn.povertyreview.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;

class AvroSerdeTest {

    private final AvroSerde<UnitRollup> rollups = AvroSerde.of(UnitRollup.class);

    private static UnitRollup rollup(String name) {
        return UnitRollup.newBuilder()
                .setUnitCode("15271").setReviewYear(2024).setMapId("2025-03-01").setLevel(UnitLevel.COMMUNE)
                .setUnitName(name).setParentCode("392")
                .setTotalHouseholds(3).setPoorHouseholds(1).setNearPoorHouseholds(2)
                .setPoorRate(new BigDecimal("33.3333")).setNearPoorRate(new BigDecimal("66.6667"))
                .setRevision(7).setUpdatedAt(Instant.parse("2024-11-20T03:00:00Z"))
                .build();
    }

    @Test
    void writesSingleObjectEncodingAndReadsItBackWithVietnameseNamesIntact() {
        byte[] bytes = rollups.encode(rollup("Thị trấn Hà Trung"));
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        UnitRollup back = rollups.decode(bytes);
        assertThat(back).isEqualTo(rollup("Thị trấn Hà Trung"));
        assertThat(back.getUnitName().getBytes(StandardCharsets.UTF_8))
                .isEqualTo("Thị trấn Hà Trung".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTombstonesNull() {
        assertThat(rollups.serializer().serialize("t", null)).isNull();
        assertThat(rollups.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void refusesBytesThatAreNotSingleObjectEncoded() {
        assertThatThrownBy(() -> rollups.decode("{\"unitCode\":\"15271\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a UnitRollup in Avro single-object encoding");
    }

    @Test
    void refusesARecordOfAnotherSchema() {
        byte[] review = AvroSerde.of(RejectedReview.class).encode(RejectedReview.newBuilder()
                .setRejectedAt(Instant.EPOCH).setRejectedBy("streams").setViolations(java.util.List.of()).build());
        assertThatThrownBy(() -> rollups.decode(review))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a UnitRollup of any released version");
    }

    @Test
    void refusesATruncatedRecord() {
        byte[] bytes = rollups.encode(rollup("Xã Hà Trung"));
        assertThatThrownBy(() -> rollups.decode(Arrays.copyOf(bytes, 14)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt UnitRollup");
    }

    @Test
    void reviewSurvivesTheTripToTheWireAndBack() {
        Review review = new Review("r-1", "s-1", "reviewer-7", "HH-38-0001", 2025, Instant.parse("2025-11-03T02:15:00Z"),
                "38", null, "15271", "TK1", Area.URBAN, 5, null,
                Set.of(Indicator.SANITATION, Indicator.EMPLOYMENT, Indicator.TELECOM),
                Classification.NEAR_POOR, true, true, false, true, true);
        HouseholdReview wire = ReviewRecords.toAvro(review);
        assertThat(wire.getDeprivations()).containsExactly(vn.povertyreview.schemas.Indicator.EMPLOYMENT,
                vn.povertyreview.schemas.Indicator.SANITATION, vn.povertyreview.schemas.Indicator.TELECOM);
        AvroSerde<HouseholdReview> serde = AvroSerde.of(HouseholdReview.class);
        assertThat(ReviewRecords.toDomain(serde.decode(serde.encode(wire)))).isEqualTo(review);
    }

    @Test
    void keysSplitYearFromIdentifier() {
        assertThat(HouseholdKey.parse("2025/HH-1")).isEqualTo(new HouseholdKey(2025, "HH-1"));
        assertThat(new UnitKey(2024, "15271-TK1").toString()).isEqualTo("2024/15271-TK1");
        assertThat(UnitKey.parse("2024/15271-TK1")).isEqualTo(new UnitKey(2024, "15271-TK1"));
        assertThatThrownBy(() -> HouseholdKey.parse("HH-1")).hasMessageContaining("<reviewYear>/<householdId>");
        assertThatThrownBy(() -> HouseholdKey.parse("abcd/HH-1")).hasMessageContaining("starts with the review year");
    }
}
