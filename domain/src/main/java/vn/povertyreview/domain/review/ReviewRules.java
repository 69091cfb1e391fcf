package vn.povertyreview.domain.review;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;

/**
 * The rules a household review must meet to be counted. The one place these rules live: the
 * ingest endpoint applies them to answer the reviewer, and the streams application applies them
 * again so that nothing written to the topic by another route can corrupt a count.
 *
 * <p>Thread-safe.
 */
public final class ReviewRules {

    /**
     * Household ids are opaque codes, never names or ID-card numbers; review ids have the same
     * plain form, since both are keys in logs, topics and tables.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A village code becomes part of a unit code ({@code 15271-TK1}), so it is kept plain. */
    private static final Pattern VILLAGE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._]{0,31}");
    public static final int MAX_MEMBERS = 100;
    /** Far above any plausible monthly income per person; catches a slipped decimal point. */
    public static final long MAX_INCOME_VND = 1_000_000_000L;

    private final AdminMaps maps;

    public ReviewRules(AdminMaps maps) {
        this.maps = maps;
    }

    /** Every rule the review breaks, and where the household lives when it breaks none. */
    public ReviewVerdict judge(Review review) {
        List<RuleViolation> violations = new ArrayList<>();
        checkIdentity(review, violations);
        checkHousehold(review, violations);
        HouseholdPlace place = ReviewYears.isSupported(review.reviewYear()) ? resolvePlace(review, violations) : null;
        return violations.isEmpty() ? ReviewVerdict.countable(place) : ReviewVerdict.rejected(violations);
    }

    private static void checkIdentity(Review review, List<RuleViolation> out) {
        if (isBlank(review.reviewId())) {
            out.add(missing("reviewId", "mã bản ghi rà soát", "review id"));
        } else if (!IDENTIFIER.matcher(review.reviewId()).matches()) {
            out.add(new RuleViolation("reviewId", "reviewId.format",
                    "Mã bản ghi rà soát chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -, tối đa 64 ký tự.",
                    "A review id has only unaccented letters, digits and . _ -, at most 64 characters."));
        }
        if (isBlank(review.householdId())) {
            out.add(missing("householdId", "mã hộ", "household id"));
        } else if (!IDENTIFIER.matcher(review.householdId()).matches()) {
            out.add(new RuleViolation("householdId", "householdId.format",
                    "Mã hộ chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -, tối đa 64 ký tự (không dùng tên hay số giấy tờ tùy thân).",
                    "A household id has only unaccented letters, digits and . _ -, at most 64 characters (never a name or an ID number)."));
        }
        if (!ReviewYears.isSupported(review.reviewYear())) {
            out.add(new RuleViolation("reviewYear", "reviewYear.range",
                    "Năm rà soát phải từ " + ReviewYears.FIRST + " đến " + ReviewYears.LAST + ".",
                    "The review year must be between " + ReviewYears.FIRST + " and " + ReviewYears.LAST + "."));
        }
        if (review.reviewedAt() == null) {
            out.add(missing("reviewedAt", "thời điểm rà soát", "review time"));
        } else if (review.reviewedAt().atOffset(ZoneOffset.UTC).getYear() < review.reviewYear()) {
            out.add(new RuleViolation("reviewedAt", "reviewedAt.beforeReviewYear",
                    "Thời điểm rà soát không được trước năm rà soát " + review.reviewYear() + ".",
                    "The review time cannot be before review year " + review.reviewYear() + "."));
        }
    }

    private static void checkHousehold(Review review, List<RuleViolation> out) {
        if (review.area() == null) {
            out.add(missing("area", "khu vực (RURAL hoặc URBAN)", "area (RURAL or URBAN)"));
        }
        if (review.classification() == null) {
            out.add(missing("classification", "kết quả phân loại (POOR, NEAR_POOR hoặc NOT_POOR)",
                    "classification (POOR, NEAR_POOR or NOT_POOR)"));
        }
        if (review.members() < 1 || review.members() > MAX_MEMBERS) {
            out.add(new RuleViolation("members", "members.range",
                    "Số nhân khẩu phải từ 1 đến " + MAX_MEMBERS + ".",
                    "The number of household members must be between 1 and " + MAX_MEMBERS + "."));
        }
        Long income = review.incomePerCapitaMonthlyVnd();
        if (income != null && (income < 0 || income > MAX_INCOME_VND)) {
            out.add(new RuleViolation("incomePerCapitaMonthlyVnd", "income.range",
                    "Thu nhập bình quân đầu người/tháng phải từ 0 đến " + MAX_INCOME_VND + " đồng.",
                    "Monthly income per person must be between 0 and " + MAX_INCOME_VND + " VND."));
        }
    }

    private HouseholdPlace resolvePlace(Review review, List<RuleViolation> out) {
        AdminMap map = maps.forReviewYear(review.reviewYear());
        int before = out.size();
        Optional<AdminUnit> province = Optional.empty();
        if (isBlank(review.provinceCode())) {
            out.add(missing("provinceCode", "mã tỉnh", "province code"));
        } else {
            province = map.unit(UnitLevel.PROVINCE, review.provinceCode());
            if (province.isEmpty()) {
                out.add(unknown("provinceCode", "tỉnh", "province", review.provinceCode(), review.reviewYear(), map));
            }
        }

        if (map.hasDistricts()) {
            if (isBlank(review.districtCode())) {
                out.add(new RuleViolation("districtCode", "districtCode.required",
                        "Năm rà soát " + review.reviewYear() + " dùng bản đồ hành chính ba cấp: phải ghi mã huyện.",
                        "Review year " + review.reviewYear() + " uses the three-level map: a district code is required."));
            } else {
                Optional<AdminUnit> district = map.unit(UnitLevel.DISTRICT, review.districtCode());
                if (district.isEmpty()) {
                    out.add(unknown("districtCode", "huyện", "district", review.districtCode(), review.reviewYear(), map));
                } else if (province.isPresent() && !district.get().parentCode().equals(province.get().code())) {
                    out.add(notUnder("districtCode", district.get(), province.get()));
                }
            }
        } else if (!isBlank(review.districtCode())) {
            out.add(new RuleViolation("districtCode", "districtCode.abolished",
                    "Từ năm rà soát " + AdminMaps.FIRST_TWO_LEVEL_YEAR + " không còn cấp huyện: bỏ trống mã huyện.",
                    "From review year " + AdminMaps.FIRST_TWO_LEVEL_YEAR + " there are no districts: leave the district code empty."));
        }

        if (isBlank(review.communeCode())) {
            out.add(missing("communeCode", "mã xã", "commune code"));
        } else {
            Optional<AdminUnit> commune = map.unit(UnitLevel.COMMUNE, review.communeCode());
            if (commune.isEmpty()) {
                out.add(unknown("communeCode", "xã", "commune", review.communeCode(), review.reviewYear(), map));
            } else if (map.hasDistricts()) {
                if (!isBlank(review.districtCode()) && !commune.get().parentCode().equals(review.districtCode())) {
                    map.unit(UnitLevel.DISTRICT, review.districtCode())
                            .ifPresent(d -> out.add(notUnder("communeCode", commune.get(), d)));
                }
            } else if (province.isPresent() && !commune.get().parentCode().equals(province.get().code())) {
                out.add(notUnder("communeCode", commune.get(), province.get()));
            }
        }

        if (isBlank(review.villageCode())) {
            out.add(missing("villageCode", "mã thôn/tổ dân phố", "village code"));
        } else if (!VILLAGE_CODE.matcher(review.villageCode()).matches()) {
            out.add(new RuleViolation("villageCode", "villageCode.format",
                    "Mã thôn/tổ dân phố chỉ gồm chữ cái không dấu, chữ số và các dấu . _, tối đa 32 ký tự.",
                    "A village code has only unaccented letters, digits and . _, at most 32 characters."));
        }

        if (out.size() > before) {
            return null;
        }
        return new HouseholdPlace(
                HouseholdPlace.villageUnitCode(review.communeCode(), review.villageCode()),
                review.communeCode(),
                map.hasDistricts() ? review.districtCode() : null,
                review.provinceCode());
    }

    private static RuleViolation missing(String field, String vi, String en) {
        return new RuleViolation(field, field + ".required", "Thiếu " + vi + ".", "The " + en + " is missing.");
    }

    private static RuleViolation unknown(String field, String vi, String en, String code, int year, AdminMap map) {
        return new RuleViolation(field, field + ".unknown",
                "Mã " + vi + " " + code + " không có trong danh mục hành chính áp dụng cho năm rà soát " + year + " (danh mục " + map.id() + ").",
                "There is no " + en + " with code " + code + " in the administrative map for review year " + year + " (map " + map.id() + ").");
    }

    private static RuleViolation notUnder(String field, AdminUnit child, AdminUnit stated) {
        return new RuleViolation(field, field + ".wrongParent",
                child.name() + " (" + child.code() + ") không thuộc " + stated.name() + " (" + stated.code() + ").",
                child.name() + " (" + child.code() + ") is not part of " + stated.name() + " (" + stated.code() + ").");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
