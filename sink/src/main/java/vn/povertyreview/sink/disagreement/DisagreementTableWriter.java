package vn.povertyreview.sink.disagreement;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.sink.LastRecordPerKey;
import vn.povertyreview.sink.TableChanges;
import vn.povertyreview.sink.TableWriter;

/**
 * Writes classification-disagreements into {@code classification_disagreement}: a disagreement
 * replaces the stored row of its household-year, a tombstone (the household-year no longer
 * disagrees) deletes it; within a batch the last record of each household-year wins. Stateless and
 * thread-safe.
 */
public final class DisagreementTableWriter implements TableWriter<ClassificationDisagreement, DisagreementRow> {

    private static final Comparator<HouseholdKey> BY_HOUSEHOLD_YEAR =
            Comparator.comparingInt(HouseholdKey::reviewYear).thenComparing(HouseholdKey::householdId);

    private final Topic<String, ClassificationDisagreement> topic;

    public DisagreementTableWriter(Topic<String, ClassificationDisagreement> topic) {
        this.topic = topic;
    }

    @Override
    public Topic<String, ClassificationDisagreement> topic() {
        return topic;
    }

    @Override
    public DisagreementRow row(ClassificationDisagreement disagreement) {
        return DisagreementRow.of(disagreement);
    }

    @Override
    public TableChanges write(Handle handle, List<ConsumerRecord<String, DisagreementRow>> records) {
        LastRecordPerKey<HouseholdKey, DisagreementRow> last =
                new LastRecordPerKey<>(records, DisagreementRow::key, HouseholdKey::parse, BY_HOUSEHOLD_YEAR);
        DisagreementDao dao = handle.attach(DisagreementDao.class);
        int[] deleted = last.deletedKeys().isEmpty() ? new int[0] : dao.delete(last.deletedKeys());
        int[] written = last.rows().isEmpty() ? new int[0] : dao.upsert(last.rows());
        return new TableChanges(last.rows().size(), TableChanges.touched(written), TableChanges.touched(deleted), last.tombstonesIgnored());
    }
}
