package vn.povertyreview.domain.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.movement.Households.place;
import static vn.povertyreview.domain.review.Classification.NEAR_POOR;
import static vn.povertyreview.domain.review.Classification.NOT_POOR;
import static vn.povertyreview.domain.review.Classification.POOR;

import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.HouseholdPlace;

class HouseholdHistoryTest {

    @Test
    void addingAndRemovingYearsLeavesTheOriginalUnchanged() {
        HouseholdHistory original = HouseholdHistory.empty().with(2023, POOR, place(2023, "15271-TK1"));

        HouseholdHistory later = original.with(2024, NEAR_POOR, place(2024, "15271-TK1"));
        HouseholdHistory corrected = later.with(2024, NOT_POOR, place(2024, "15271-TK2"));
        HouseholdHistory withdrawn = corrected.without(2024);

        assertThat(original.byYear()).containsOnlyKeys(2023);
        assertThat(later.in(2024).orElseThrow().classification()).isEqualTo(NEAR_POOR);
        assertThat(corrected.in(2024).orElseThrow().place().villageUnitCode()).isEqualTo("15271-TK2");
        assertThat(withdrawn).isEqualTo(original);
        assertThat(withdrawn.without(2023).isEmpty()).isTrue();
        assertThatThrownBy(() -> later.byYear().remove(2023)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void knowsWhetherTheHouseholdHadAStatusBeforeAYear() {
        HouseholdHistory history = HouseholdHistory.empty()
                .with(2022, POOR, place(2022, "15271-TK1"))
                .with(2024, NEAR_POOR, place(2024, "15271-TK1"));

        assertThat(history.hadBefore(2022, POOR)).isFalse();
        assertThat(history.hadBefore(2023, POOR)).isTrue();
        assertThat(history.hadBefore(2024, NEAR_POOR)).isFalse();
        assertThat(history.hadBefore(2025, NEAR_POOR)).isTrue();
    }

    @Test
    void refusesAPlaceShapedForTheOtherMap() {
        HouseholdPlace withDistrict = place(2024, "15271-TK1");
        HouseholdPlace withoutDistrict = place(2025, "15271-TK1");

        assertThatThrownBy(() -> HouseholdHistory.empty().with(2025, POOR, withDistrict))
                .hasMessageContaining("two-level map").hasMessageContaining("has a district");
        assertThatThrownBy(() -> HouseholdHistory.empty().with(2024, POOR, withoutDistrict))
                .hasMessageContaining("three-level map").hasMessageContaining("has no district");
    }

    @Test
    void refusesAVillageOutsideItsCommuneAndAnUnsupportedYear() {
        HouseholdPlace stray = new HouseholdPlace("15304-THON3", "15271", "392", "38");

        assertThatThrownBy(() -> HouseholdHistory.empty().with(2024, POOR, stray)).hasMessageContaining("15304-THON3");
        assertThatThrownBy(() -> HouseholdHistory.empty().with(2021, POOR, place(2024, "15271-TK1"))).hasMessageContaining("2021");
    }
}
