package vn.povertyreview.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.povertyreview.schemas.internal.HouseholdChange;
import vn.povertyreview.schemas.internal.HouseholdYears;
import vn.povertyreview.schemas.internal.UnitChangeBatch;
import vn.povertyreview.schemas.internal.UnitTally;

/**
 * Guards the schema history: changing a schema means releasing it as a new version, and every
 * version must read what every older one wrote, because old records stay in topics and stores.
 */
class SchemaHistoryTest {

    static Stream<Class<? extends SpecificRecord>> recordTypes() {
        return Stream.of(HouseholdReview.class, AdminUnit.class, UnitRollup.class, RejectedReview.class, ReviewerToken.class,
                ClassificationDisagreement.class, ReductionTarget.class, ReviewYearClosure.class, TargetStatus.class, TargetGapAlert.class, ReviewerTokenUse.class, AuditEvent.class, HouseholdChange.class,
                HouseholdYears.class, UnitTally.class, UnitChangeBatch.class);
    }

    private static Schema current(Class<? extends SpecificRecord> type) {
        return org.apache.avro.specific.SpecificData.getForClass(type).getSchema(type);
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void currentSchemaIsTheNewestReleasedVersion(Class<? extends SpecificRecord> type) {
        List<Schema> released = SchemaHistory.released(type.getSimpleName());
        assertThat(SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1)))
                .as("%s changed without a new history/%s/v%d.avsc", type.getSimpleName(), type.getSimpleName(), released.size() + 1)
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current(type)));
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void everyVersionCanReadEveryOlderVersion(Class<? extends SpecificRecord> type) {
        List<Schema> released = SchemaHistory.released(type.getSimpleName());
        for (int reader = 0; reader < released.size(); reader++) {
            for (int writer = 0; writer <= reader; writer++) {
                assertThat(SchemaCompatibility.checkReaderWriterCompatibility(released.get(reader), released.get(writer)).getType())
                        .as("%s v%d reading v%d", type.getSimpleName(), reader + 1, writer + 1)
                        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    <T extends SpecificRecord> void serdeDecodesDataWrittenByEveryReleasedVersion(Class<T> type) throws Exception {
        AvroSerde<T> serde = AvroSerde.of(type);
        for (Schema writer : SchemaHistory.released(type.getSimpleName())) {
            Object datum = SampleData.of(writer);
            ByteBuffer encoded = new BinaryMessageEncoder<>(GenericData.get(), writer).encode(datum);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            T decoded = serde.decode(bytes);
            assertThat(decoded).isInstanceOf(type);
            assertThat(serde.decode(serde.encode(decoded))).isEqualTo(decoded);
        }
    }
}
