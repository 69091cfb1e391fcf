package vn.povertyreview.domain.admin;

/** The levels at which poverty figures are rolled up, from the whole country down to a village. */
public enum UnitLevel {
    NATION,
    PROVINCE,
    DISTRICT,
    COMMUNE,
    VILLAGE
}
