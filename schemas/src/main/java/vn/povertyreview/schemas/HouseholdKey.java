package vn.povertyreview.schemas;

/**
 * Key of the household-reviews topic: one household in one review year, written
 * {@code <reviewYear>/<householdId>}. Immutable.
 */
public record HouseholdKey(int reviewYear, String householdId) {

    public static HouseholdKey parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("a household key reads '<reviewYear>/<householdId>', not '" + key + "'");
        }
        try {
            return new HouseholdKey(Integer.parseInt(key.substring(0, slash)), key.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a household key starts with the review year, not '" + key + "'");
        }
    }

    @Override
    public String toString() {
        return reviewYear + "/" + householdId;
    }
}
