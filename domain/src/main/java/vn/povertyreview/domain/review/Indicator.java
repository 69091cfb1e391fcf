package vn.povertyreview.domain.review;

/** The twelve deprivation indicators of the multidimensional poverty standard, two per dimension. */
public enum Indicator {
    EMPLOYMENT(Dimension.EMPLOYMENT, "việc làm", "employment"),
    DEPENDENTS(Dimension.EMPLOYMENT, "người phụ thuộc trong hộ", "dependents in the household"),
    NUTRITION(Dimension.HEALTH, "dinh dưỡng", "nutrition"),
    HEALTH_INSURANCE(Dimension.HEALTH, "bảo hiểm y tế", "health insurance"),
    ADULT_EDUCATION(Dimension.EDUCATION, "trình độ giáo dục người lớn", "adult education"),
    CHILD_SCHOOLING(Dimension.EDUCATION, "tình trạng đi học của trẻ em", "school attendance of children"),
    HOUSING_QUALITY(Dimension.HOUSING, "chất lượng nhà ở", "housing quality"),
    HOUSING_AREA(Dimension.HOUSING, "diện tích nhà ở bình quân đầu người", "housing area per person"),
    DRINKING_WATER(Dimension.WATER_AND_SANITATION, "nguồn nước sinh hoạt", "drinking water"),
    SANITATION(Dimension.WATER_AND_SANITATION, "nhà tiêu hợp vệ sinh", "hygienic latrine"),
    TELECOM(Dimension.INFORMATION, "sử dụng dịch vụ viễn thông", "use of telecommunication services"),
    INFORMATION_ASSETS(Dimension.INFORMATION, "phương tiện tiếp cận thông tin", "means of access to information");

    private final Dimension dimension;
    private final String vietnamese;
    private final String english;

    Indicator(Dimension dimension, String vietnamese, String english) {
        this.dimension = dimension;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
