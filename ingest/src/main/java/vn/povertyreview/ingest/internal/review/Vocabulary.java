package vn.povertyreview.ingest.internal.review;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

/**
 * The one place that holds the bilingual vocabulary of submitted records: what each field is
 * called in Vietnamese (the label messages use, and every column header accepted for it), the
 * Vietnamese words accepted for enumerations and flags, and the words by which a column or a JSON
 * property announces personal data. The README's table of headers and values is checked against
 * it.
 *
 * <p>Headers and values are compared {@linkplain #normalized normalized}: in Unicode NFC (a
 * spreadsheet on macOS may write NFD), regardless of case, of spaces around them and of repeated
 * spaces inside. Immutable and thread-safe.
 */
public final class Vocabulary {

    // First: the word lists below are normalized with these as the class is initialised.
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACES_AROUND_SLASH = Pattern.compile(" ?/ ?");
    private static final Pattern CAMEL_HUMP = Pattern.compile("(\\p{Ll})(\\p{Lu})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    /** A header in both languages, as the template writes it: {@code Mã hộ (householdId)}. */
    private static final Pattern BILINGUAL = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");

    /** The words for one enumeration's values, beside the values' own names, which are accepted too. */
    public static final class Words<E extends Enum<E>> {

        private final Map<E, List<String>> vietnamese;
        private final Map<String, E> byWord = new HashMap<>();

        private Words(Class<E> type, Map<E, List<String>> vietnamese) {
            this.vietnamese = Collections.unmodifiableMap(new EnumMap<>(vietnamese));
            for (E value : type.getEnumConstants()) {
                learn(byWord, value.name(), value, type.getSimpleName());
                for (String word : vietnamese.getOrDefault(value, List.of())) {
                    learn(byWord, word, value, type.getSimpleName());
                }
            }
        }

        /** The value the text names (its code in any case, or a Vietnamese word), if any. */
        public Optional<E> read(String text) {
            return Optional.ofNullable(byWord.get(normalized(text)));
        }

        /** The Vietnamese words accepted for the value, the usual one first. */
        public List<String> vietnamese(E value) {
            return vietnamese.getOrDefault(value, List.of());
        }

        /** Every value with its usual Vietnamese word, for messages: {@code RURAL (Nông thôn), URBAN (Thành thị)}. */
        public String allowed() {
            return vietnamese.entrySet().stream()
                    .map(e -> e.getKey().name() + " (" + e.getValue().get(0) + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    public static final Words<Area> AREA = new Words<>(Area.class, Map.of(
            Area.RURAL, List.of("Nông thôn", "Khu vực nông thôn"),
            Area.URBAN, List.of("Thành thị", "Khu vực thành thị")));

    public static final Words<Classification> CLASSIFICATION = new Words<>(Classification.class, Map.of(
            Classification.POOR, List.of("Hộ nghèo", "Nghèo"),
            Classification.NEAR_POOR, List.of("Hộ cận nghèo", "Cận nghèo"),
            Classification.NOT_POOR, List.of("Không nghèo", "Hộ không nghèo")));

    /** The official names of the indicators (the domain's), then the other forms officers write. */
    public static final Words<Indicator> INDICATOR = new Words<>(Indicator.class, indicatorWords());

    /** Flags in words, accepted in every format beside a JSON boolean. */
    public static final String YES = "Có";
    public static final String NO = "Không";
    /** Flags as a spreadsheet cell may also hold them (Excel's TRUE and FALSE among them). */
    public static final List<String> CELL_TRUE = List.of("true", "1");
    public static final List<String> CELL_FALSE = List.of("false", "0");

    /**
     * How a column of one indicator is headed: these words, then a Vietnamese name of the indicator
     * ({@code Thiếu hụt dinh dưỡng}), with its code in parentheses or not
     * ({@code Thiếu hụt dinh dưỡng (NUTRITION)}).
     */
    public static final String DEPRIVATION_COLUMN_WORDS = "Thiếu hụt";

    /** The columns the rejected-rows workbook adds: read by nothing when it comes back. */
    public static final String ERRORS_HEADER = "Lỗi (errors)";
    public static final String SOURCE_HEADER = "Vị trí trong tệp đã gửi (source)";

    /** Each field's Vietnamese names: the label messages use first, then the other headers accepted. */
    private static final Map<String, List<String>> FIELD_NAMES = new LinkedHashMap<>();

    static {
        FIELD_NAMES.put(ReviewFields.REVIEW_ID, List.of("mã bản ghi rà soát", "mã bản ghi"));
        FIELD_NAMES.put(ReviewFields.HOUSEHOLD_ID, List.of("mã hộ", "mã hộ gia đình", "mã số hộ"));
        FIELD_NAMES.put(ReviewFields.REVIEW_YEAR, List.of("năm rà soát"));
        FIELD_NAMES.put(ReviewFields.REVIEWED_AT, List.of("thời điểm rà soát", "ngày rà soát", "ngày giờ rà soát"));
        FIELD_NAMES.put(ReviewFields.PROVINCE_CODE, List.of("mã tỉnh", "mã tỉnh/thành phố"));
        FIELD_NAMES.put(ReviewFields.DISTRICT_CODE, List.of("mã huyện", "mã quận/huyện"));
        FIELD_NAMES.put(ReviewFields.COMMUNE_CODE, List.of("mã xã", "mã xã/phường", "mã xã/phường/thị trấn"));
        FIELD_NAMES.put(ReviewFields.VILLAGE_CODE, List.of("mã thôn/tổ dân phố", "thôn/tổ dân phố", "mã thôn", "thôn"));
        FIELD_NAMES.put(ReviewFields.AREA, List.of("khu vực"));
        FIELD_NAMES.put(ReviewFields.MEMBERS, List.of("số nhân khẩu", "nhân khẩu", "số thành viên"));
        FIELD_NAMES.put(ReviewFields.INCOME, List.of("thu nhập bình quân đầu người/tháng",
                "thu nhập bình quân đầu người", "thu nhập bình quân"));
        FIELD_NAMES.put(ReviewFields.DEPRIVATIONS, List.of("các chỉ số thiếu hụt", "thiếu hụt", "chỉ số thiếu hụt"));
        FIELD_NAMES.put(ReviewFields.CLASSIFICATION, List.of("kết quả phân loại", "phân loại"));
        FIELD_NAMES.put(ReviewFields.ETHNIC_MINORITY, List.of("hộ dân tộc thiểu số", "dân tộc thiểu số"));
        FIELD_NAMES.put(ReviewFields.MERIT_FAMILY, List.of("hộ có người có công", "người có công"));
        FIELD_NAMES.put(ReviewFields.SOCIAL_PROTECTION, List.of("hộ bảo trợ xã hội", "bảo trợ xã hội"));
        FIELD_NAMES.put(ReviewFields.NO_LABOR_CAPACITY, List.of("hộ không có khả năng lao động", "không có khả năng lao động"));
        FIELD_NAMES.put(ReviewFields.AGRICULTURE_FORESTRY_FISHERY, List.of("hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp",
                "nông lâm ngư nghiệp", "hộ nông lâm ngư nghiệp"));
    }

    /**
     * Words that, as whole words of a header or property name folded to plain letters (no
     * diacritics, camelCase split: {@code headName} is "head name"), announce personal data.
     * Known field names are matched first, so none of these can capture a review field.
     */
    private static final Map<PersonalData, List<String>> PERSONAL_WORDS = new EnumMap<>(Map.of(
            PersonalData.NAME, List.of("ho ten", "ho va ten", "ten chu ho", "chu ho", "ten nguoi", "name"),
            PersonalData.ID_NUMBER, List.of("cccd", "cmnd", "cmt", "can cuoc", "chung minh", "dinh danh",
                    "id card", "id number", "national id", "citizen id", "identity", "passport", "ho chieu"),
            PersonalData.PHONE, List.of("dien thoai", "sdt", "so dt", "phone", "mobile", "tel"),
            PersonalData.BIRTH_DATE, List.of("ngay sinh", "nam sinh", "sinh ngay", "birth", "birthday", "dob"),
            PersonalData.ADDRESS, List.of("dia chi", "address", "so nha", "noi o", "thuong tru", "tam tru"),
            PersonalData.EMAIL, List.of("email", "e mail", "thu dien tu")));

    /** Every header that names a column of the review or a note of the product's, by its normalized form. */
    private static final Map<String, ColumnMeaning> COLUMN_BY_HEADER = new HashMap<>();

    static {
        for (Map.Entry<String, List<String>> field : FIELD_NAMES.entrySet()) {
            ColumnMeaning meaning = new ColumnMeaning.Field(field.getKey());
            learn(COLUMN_BY_HEADER, field.getKey(), meaning, "column");
            for (String name : field.getValue()) {
                learn(COLUMN_BY_HEADER, name, meaning, "column");
            }
        }
        for (Indicator indicator : Indicator.values()) {
            ColumnMeaning meaning = new ColumnMeaning.Deprivation(indicator);
            for (String word : INDICATOR.vietnamese(indicator)) {
                learn(COLUMN_BY_HEADER, DEPRIVATION_COLUMN_WORDS + " " + word, meaning, "column");
            }
        }
        learn(COLUMN_BY_HEADER, ERRORS_HEADER, new ColumnMeaning.Annotation(), "column");
        learn(COLUMN_BY_HEADER, SOURCE_HEADER, new ColumnMeaning.Annotation(), "column");
        if (!FIELD_NAMES.keySet().equals(new LinkedHashSet<>(ReviewFields.ALL))) {
            throw new IllegalStateException("every review field needs its Vietnamese names");
        }
    }

    private Vocabulary() {
    }

    /** The Vietnamese label of a field, as messages name it. */
    public static String label(String field) {
        List<String> names = FIELD_NAMES.get(field);
        return names == null ? field : names.get(0);
    }

    /** Every Vietnamese header accepted for the field, its label first. */
    public static List<String> vietnameseHeaders(String field) {
        return FIELD_NAMES.getOrDefault(field, List.of());
    }

    /** The header the template gives a field's column, in both languages: {@code Mã hộ (householdId)}. */
    public static String templateHeader(String field) {
        String label = label(field);
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " (" + field + ")";
    }

    /** The header the template gives an indicator's Có/Không column: {@code Thiếu hụt dinh dưỡng (NUTRITION)}. */
    public static String templateHeader(Indicator indicator) {
        return DEPRIVATION_COLUMN_WORDS + " " + indicator.vietnamese() + " (" + indicator.name() + ")";
    }

    /**
     * What a CSV or XLSX column header stands for: a field by its name or a Vietnamese name, an
     * indicator's own column, personal data, or nothing known. A header in both languages,
     * {@code Mã hộ (householdId)}, names a column when both of its halves name that same column.
     */
    public static ColumnMeaning ofHeader(String header) {
        ColumnMeaning known = COLUMN_BY_HEADER.get(normalized(header));
        if (known != null) {
            return known;
        }
        Matcher bilingual = BILINGUAL.matcher(header.strip());
        if (bilingual.matches()) {
            ColumnMeaning first = COLUMN_BY_HEADER.get(normalized(bilingual.group(1)));
            if (first != null && first.equals(inParentheses(bilingual.group(2)))) {
                return first;
            }
        }
        return notAField(header);
    }

    /**
     * The column the English half of a bilingual header names: a field, or an indicator's code,
     * which names a column only there, since a bare code is a value a cell may hold.
     */
    private static ColumnMeaning inParentheses(String name) {
        ColumnMeaning known = COLUMN_BY_HEADER.get(normalized(name));
        if (known != null) {
            return known;
        }
        return Arrays.stream(Indicator.values()).filter(i -> i.name().equalsIgnoreCase(name.strip())).findFirst()
                .<ColumnMeaning>map(ColumnMeaning.Deprivation::new).orElse(null);
    }

    /** What a JSON property stands for: a field only by its exact name, as the API describes it. */
    public static ColumnMeaning ofJsonProperty(String name) {
        return ReviewFields.isKnown(name) ? new ColumnMeaning.Field(name) : notAField(name);
    }

    /** The words that announce each kind of personal data, folded (see {@link #folded}). */
    static Map<PersonalData, List<String>> personalDataWords() {
        return Collections.unmodifiableMap(PERSONAL_WORDS);
    }

    /** The flag {@link #YES} or {@link #NO} stands for, if the text is one of them. */
    public static Optional<Boolean> flagWord(String text) {
        String word = normalized(text);
        if (word.equals(normalized(YES))) {
            return Optional.of(true);
        }
        return word.equals(normalized(NO)) ? Optional.of(false) : Optional.empty();
    }

    /** The flag a CSV or XLSX cell holds: {@link #YES}, {@link #NO}, true, false, 1 or 0. */
    public static Optional<Boolean> cellFlag(String text) {
        String word = normalized(text);
        if (CELL_TRUE.contains(word)) {
            return Optional.of(true);
        }
        return CELL_FALSE.contains(word) ? Optional.of(false) : flagWord(text);
    }

    /**
     * The text as headers and values are compared: NFC, no spaces around it or around a slash, one
     * space between words, lower case. Non-breaking spaces count as spaces.
     */
    public static String normalized(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00a0', ' ');
        String spaced = SPACES.matcher(nfc.strip()).replaceAll(" ");
        return SPACES_AROUND_SLASH.matcher(spaced).replaceAll("/").toLowerCase(Locale.ROOT);
    }

    private static ColumnMeaning notAField(String name) {
        String words = " " + folded(name) + " ";
        for (Map.Entry<PersonalData, List<String>> kind : PERSONAL_WORDS.entrySet()) {
            for (String word : kind.getValue()) {
                if (words.contains(" " + word + " ")) {
                    return new ColumnMeaning.Personal(kind.getKey());
                }
            }
        }
        return new ColumnMeaning.Unknown();
    }

    /** Plain lower-case letters and digits, words split by one space: "Họ tên Chủ hộ" and "headName" become "ho ten chu ho" and "head name". */
    static String folded(String name) {
        String split = CAMEL_HUMP.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll("$1 $2");
        String plain = MARKS.matcher(Normalizer.normalize(split, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ").strip();
    }

    private static Map<Indicator, List<String>> indicatorWords() {
        Map<Indicator, List<String>> other = Map.of(
                Indicator.DEPENDENTS, List.of("người phụ thuộc"),
                Indicator.ADULT_EDUCATION, List.of("trình độ giáo dục của người lớn"),
                Indicator.INFORMATION_ASSETS, List.of("phương tiện phục vụ tiếp cận thông tin"));
        Map<Indicator, List<String>> words = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            List<String> all = new ArrayList<>();
            all.add(indicator.vietnamese());
            all.addAll(other.getOrDefault(indicator, List.of()));
            words.put(indicator, List.copyOf(all));
        }
        return words;
    }

    /** Adds a word to a lookup, refusing one that would mean two things. */
    private static <T> void learn(Map<String, T> lookup, String word, T meaning, String what) {
        T before = lookup.put(normalized(word), meaning);
        if (before != null && !before.equals(meaning)) {
            throw new IllegalStateException("'" + word + "' would name two " + what + " values: " + before + " and " + meaning);
        }
    }
}
