package vn.povertyreview.schemas;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;

/** Converts between the household review on the wire and the domain's {@link Review}. */
public final class ReviewRecords {

    private ReviewRecords() {
    }

    public static Review toDomain(HouseholdReview r) {
        Set<Indicator> deprivations = EnumSet.noneOf(Indicator.class);
        for (vn.povertyreview.schemas.Indicator indicator : r.getDeprivations()) {
            deprivations.add(Indicator.valueOf(indicator.name()));
        }
        return new Review(r.getReviewId(), r.getSubmissionId(), r.getSubmittedBy(), r.getHouseholdId(),
                r.getReviewYear(), r.getReviewedAt(), r.getProvinceCode(), r.getDistrictCode(), r.getCommuneCode(),
                r.getVillageCode(), Area.valueOf(r.getArea().name()), r.getMembers(), r.getIncomePerCapitaMonthlyVnd(),
                deprivations, Classification.valueOf(r.getClassification().name()), r.getEthnicMinority(),
                r.getMeritFamily(), r.getSocialProtection(), r.getNoLaborCapacity(),
                r.getAgricultureForestryFishery());
    }

    /** The wire form of a review that passed the rules (every required field is present). */
    public static HouseholdReview toAvro(Review r) {
        List<vn.povertyreview.schemas.Indicator> deprivations = new ArrayList<>();
        for (Indicator indicator : r.deprivations()) {
            deprivations.add(vn.povertyreview.schemas.Indicator.valueOf(indicator.name()));
        }
        return HouseholdReview.newBuilder()
                .setReviewId(r.reviewId())
                .setSubmissionId(r.submissionId())
                .setSubmittedBy(r.submittedBy())
                .setHouseholdId(r.householdId())
                .setReviewYear(r.reviewYear())
                .setReviewedAt(r.reviewedAt())
                .setProvinceCode(r.provinceCode())
                .setDistrictCode(r.districtCode())
                .setCommuneCode(r.communeCode())
                .setVillageCode(r.villageCode())
                .setArea(vn.povertyreview.schemas.Area.valueOf(r.area().name()))
                .setMembers(r.members())
                .setIncomePerCapitaMonthlyVnd(r.incomePerCapitaMonthlyVnd())
                .setDeprivations(deprivations)
                .setClassification(vn.povertyreview.schemas.Classification.valueOf(r.classification().name()))
                .setEthnicMinority(r.ethnicMinority())
                .setMeritFamily(r.meritFamily())
                .setSocialProtection(r.socialProtection())
                .setNoLaborCapacity(r.noLaborCapacity())
                .setAgricultureForestryFishery(r.agricultureForestryFishery())
                .build();
    }
}
