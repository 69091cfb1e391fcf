package vn.povertyreview.ingest.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.ingest.internal.text.ControlCharacters;

/**
 * Reads the fields of a submitted record into typed values, reporting each field that has the
 * wrong type or format. Only the shape of values is checked here (is it a number, a known code, a
 * date); whether the values make a countable review is for the domain's review rules alone.
 *
 * <p>JSON values must have their JSON type (a year is a number, a code is a string, so that codes
 * keep their leading zeros); CSV and XLSX cells arrive as text and are parsed. Enumerations and
 * flags may be written with their Vietnamese words ({@link Vocabulary}) in every format. Only known
 * fields reach the decoder: the body readers have dropped every other column or property.
 * Thread-safe (stateless).
 */
public final class RecordDecoder {

    /** Far longer than any code or id; keeps a pasted document out of messages and topics. */
    static final int MAX_TEXT_LENGTH = 256;
    /** How much of a wrong value is quoted back in a message. */
    private static final int QUOTE_LENGTH = 40;
    /** {@code 1.500.000} or {@code 1,500,000}: how spreadsheets in Vietnam print a whole number of đồng. */
    private static final Pattern GROUPED_DIGITS = Pattern.compile("\\d{1,3}([.,\\u00a0 ]\\d{3})+");
    /** How a cell lists indicators: {@code ;} as the API always had, and {@code ,} {@code |} or line breaks as spreadsheets do. */
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,|\\r\\n]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    public DecodedRecord decode(SubmittedRecord record) {
        return new Reading(record).read();
    }

    /** The state of reading one record. */
    private static final class Reading {

        private final ObjectNode fields;
        private final boolean textual;
        private final List<RuleViolation> violations = new ArrayList<>();
        private final Set<String> broken = new HashSet<>();

        Reading(SubmittedRecord record) {
            this.fields = record.fields();
            this.textual = record.textual();
        }

        DecodedRecord read() {
            Integer reviewYear = integer(ReviewFields.REVIEW_YEAR, true);
            Integer members = integer(ReviewFields.MEMBERS, true);
            ReviewValues values = new ReviewValues(
                    text(ReviewFields.REVIEW_ID),
                    text(ReviewFields.HOUSEHOLD_ID),
                    reviewYear,
                    instant(ReviewFields.REVIEWED_AT),
                    code(ReviewFields.PROVINCE_CODE, 2),
                    code(ReviewFields.DISTRICT_CODE, 3),
                    code(ReviewFields.COMMUNE_CODE, 5),
                    text(ReviewFields.VILLAGE_CODE),
                    choice(ReviewFields.AREA, Vocabulary.AREA),
                    members,
                    income(),
                    deprivations(),
                    choice(ReviewFields.CLASSIFICATION, Vocabulary.CLASSIFICATION),
                    flag(ReviewFields.ETHNIC_MINORITY),
                    flag(ReviewFields.MERIT_FAMILY),
                    flag(ReviewFields.SOCIAL_PROTECTION),
                    flag(ReviewFields.NO_LABOR_CAPACITY),
                    flag(ReviewFields.AGRICULTURE_FORESTRY_FISHERY));
            return new DecodedRecord(values, violations, broken);
        }

        /** The field's value node, or null when absent or JSON null. */
        private JsonNode value(String field) {
            JsonNode node = fields.get(field);
            return node == null || node.isNull() ? null : node;
        }

        private String text(String field) {
            JsonNode node = value(field);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                return fail(field, field + ".type",
                        "Trường " + field + " (" + ReviewFields.vietnamese(field) + ") phải là chuỗi ký tự trong dấu nháy, để giữ các số 0 ở đầu mã.",
                        "Field " + field + " must be a string in quotes, so that codes keep their leading zeros.");
            }
            String text = node.textValue();
            if (text.length() > MAX_TEXT_LENGTH) {
                return fail(field, field + ".tooLong",
                        "Trường " + field + " (" + ReviewFields.vietnamese(field) + ") dài quá " + MAX_TEXT_LENGTH + " ký tự.",
                        "Field " + field + " is longer than " + MAX_TEXT_LENGTH + " characters.");
            }
            Optional<RuleViolation> control = ControlCharacters.check(field, ReviewFields.vietnamese(field), text);
            if (control.isPresent()) {
                violations.add(control.get());
                broken.add(field);
                return null;
            }
            return text;
        }

        /**
         * A national code of the given number of digits. A spreadsheet drops the leading zeros of a
         * code typed as a number (01 becomes 1), so a shorter all-digit code from a CSV or XLSX
         * cell gets them back; in JSON a code is a string and is taken as written.
         */
        private String code(String field, int digits) {
            String code = text(field);
            if (textual && code != null && code.length() < digits && DIGITS.matcher(code).matches()) {
                return "0".repeat(digits - code.length()) + code;
            }
            return code;
        }

        private Integer integer(String field, boolean required) {
            JsonNode node = value(field);
            if (node == null) {
                if (required) {
                    // The domain review holds these as plain numbers and cannot say "missing" itself.
                    return fail(field, field + ".required", "Thiếu " + ReviewFields.vietnamese(field) + ".",
                            "Field " + field + " is missing.");
                }
                return null;
            }
            if (textual && node.isTextual()) {
                try {
                    return Integer.valueOf(node.textValue().trim());
                } catch (NumberFormatException e) {
                    return notAWholeNumber(field, node.textValue());
                }
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            return notAWholeNumber(field, node.toString());
        }

        private Long income() {
            String field = ReviewFields.INCOME;
            JsonNode node = value(field);
            if (node == null) {
                return null;
            }
            if (textual && node.isTextual()) {
                String text = node.textValue().trim();
                if (GROUPED_DIGITS.matcher(text).matches()) {
                    text = text.replaceAll("[^0-9]", "");
                }
                try {
                    return Long.valueOf(text);
                } catch (NumberFormatException e) {
                    return notAWholeNumber(field, node.textValue());
                }
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            return notAWholeNumber(field, node.toString());
        }

        private <T> T notAWholeNumber(String field, String given) {
            return fail(field, field + ".type",
                    "Trường " + field + " (" + ReviewFields.vietnamese(field) + ") phải là số nguyên, không phải '" + quote(given) + "'.",
                    "Field " + field + " must be a whole number, not '" + quote(given) + "'.");
        }

        private boolean flag(String field) {
            JsonNode node = value(field);
            if (node == null) {
                return false;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            // JSON has its booleans; only the Vietnamese words stand for them there, as for enumerations.
            Optional<Boolean> word = !node.isTextual() ? Optional.empty()
                    : textual ? Vocabulary.cellFlag(node.textValue()) : Vocabulary.flagWord(node.textValue());
            if (word.isPresent()) {
                return word.get();
            }
            fail(field, field + ".type",
                    "Trường " + field + " (" + ReviewFields.vietnamese(field) + ") phải là true/false hoặc Có/Không, không phải '" + quote(shown(node)) + "'.",
                    "Field " + field + " must be true or false (Có or Không), not '" + quote(shown(node)) + "'.");
            return false;
        }

        private <E extends Enum<E>> E choice(String field, Vocabulary.Words<E> words) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            Optional<E> value = words.read(text);
            if (value.isPresent()) {
                return value.get();
            }
            return fail(field, field + ".unknown",
                    "Giá trị '" + quote(text) + "' của " + ReviewFields.vietnamese(field) + " không hợp lệ; chỉ được dùng: " + words.allowed() + ".",
                    "'" + quote(text) + "' is not a valid " + field + "; use one of: " + words.allowed() + ".");
        }

        private Instant instant(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            Optional<Instant> instant = ReviewTimeText.parse(text);
            if (instant.isPresent()) {
                return instant.get();
            }
            return fail(field, field + ".format",
                    "Thời điểm rà soát '" + quote(text) + "' phải có dạng ngày/tháng/năm (12/11/2024 hoặc 12/11/2024 08:30, giờ Việt Nam) hoặc ISO-8601 (2024-11-12T08:30:00+07:00).",
                    "The review time '" + quote(text) + "' must be day/month/year (12/11/2024 or 12/11/2024 08:30, Vietnam time) or ISO-8601 (2024-11-12T08:30:00+07:00).");
        }

        private Set<Indicator> deprivations() {
            String field = ReviewFields.DEPRIVATIONS;
            JsonNode node = value(field);
            if (node == null) {
                return EnumSet.noneOf(Indicator.class);
            }
            if (textual && node.isObject()) {
                return deprivationColumns(node);
            }
            List<String> codes = new ArrayList<>();
            if (textual && node.isTextual()) {
                for (String code : LIST_SEPARATORS.split(node.textValue())) {
                    if (!code.isBlank()) {
                        codes.add(code.trim());
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    if (!element.isTextual()) {
                        fail(field, field + ".type",
                                "Các chỉ số thiếu hụt phải là một mảng mã dạng chuỗi, ví dụ [\"NUTRITION\", \"SANITATION\"].",
                                "Deprivations must be an array of code strings, e.g. [\"NUTRITION\", \"SANITATION\"].");
                        return null;
                    }
                    codes.add(element.textValue().trim());
                }
            } else {
                fail(field, field + ".type",
                        "Các chỉ số thiếu hụt phải là một mảng mã dạng chuỗi, ví dụ [\"NUTRITION\", \"SANITATION\"].",
                        "Deprivations must be an array of code strings, e.g. [\"NUTRITION\", \"SANITATION\"].");
                return null;
            }
            Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
            Set<String> unknown = new LinkedHashSet<>();
            for (String code : codes) {
                Optional<Indicator> indicator = Vocabulary.INDICATOR.read(code);
                if (indicator.isPresent()) {
                    indicators.add(indicator.get());
                } else {
                    unknown.add(quote(code));
                }
            }
            if (!unknown.isEmpty()) {
                return fail(field, field + ".unknown",
                        "Không có chỉ số thiếu hụt " + String.join(", ", unknown) + " trong chuẩn nghèo đa chiều. Các chỉ số hợp lệ: " + Vocabulary.INDICATOR.allowed() + ".",
                        "Unknown deprivation indicator " + String.join(", ", unknown) + ". Valid indicators: " + Vocabulary.INDICATOR.allowed() + ".");
            }
            return indicators;
        }

        /**
         * The indicators of a table whose every indicator has a Có/Không column of its own: the
         * table reader hands them over as indicator code to cell. A cell that is no flag is
         * reported under its column's name, so that the error names its cell.
         */
        private Set<Indicator> deprivationColumns(JsonNode cells) {
            Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
            boolean readable = true;
            for (Map.Entry<String, JsonNode> cell : cells.properties()) {
                Indicator indicator = Indicator.valueOf(cell.getKey());
                String text = cell.getValue().asText();
                Optional<Boolean> deprived = Vocabulary.cellFlag(text);
                if (deprived.isEmpty()) {
                    readable = false;
                    violations.add(new RuleViolation(ReviewFields.deprivationColumn(indicator), "deprivations.flag",
                            "Cột thiếu hụt " + indicator.vietnamese() + " phải ghi Có hoặc Không (hoặc để trống), không phải '" + quote(text) + "'.",
                            "The column of deprivation " + indicator.english() + " (" + indicator.name() + ") must hold Có or Không (or be empty), not '" + quote(text) + "'."));
                } else if (deprived.get()) {
                    indicators.add(indicator);
                }
            }
            if (!readable) {
                broken.add(ReviewFields.DEPRIVATIONS);
                return null;
            }
            return indicators;
        }

        private <T> T fail(String field, String rule, String vi, String en) {
            violations.add(new RuleViolation(field, rule, vi, en));
            broken.add(field);
            return null;
        }

        private static String shown(JsonNode node) {
            return node.isTextual() ? node.textValue() : node.toString();
        }

        private static String quote(String value) {
            return value.length() <= QUOTE_LENGTH ? value : value.substring(0, QUOTE_LENGTH) + "…";
        }
    }
}
