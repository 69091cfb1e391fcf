package vn.povertyreview.domain.review;

/** The reviewer's decision on a household, approved by the commune: this is the legal status. */
public enum Classification {
    POOR,
    NEAR_POOR,
    NOT_POOR
}
