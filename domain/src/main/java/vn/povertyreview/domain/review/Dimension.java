package vn.povertyreview.domain.review;

/** The six dimensions of basic social services of the multidimensional poverty standard. */
public enum Dimension {
    EMPLOYMENT("việc làm", "employment"),
    HEALTH("y tế", "health"),
    EDUCATION("giáo dục", "education"),
    HOUSING("nhà ở", "housing"),
    WATER_AND_SANITATION("nước sinh hoạt và vệ sinh", "water and sanitation"),
    INFORMATION("thông tin", "information");

    private final String vietnamese;
    private final String english;

    Dimension(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
