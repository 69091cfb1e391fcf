package vn.povertyreview.domain.review;

/** Where a household lives; the poverty standard sets different income lines for each. */
public enum Area {
    RURAL,
    URBAN
}
