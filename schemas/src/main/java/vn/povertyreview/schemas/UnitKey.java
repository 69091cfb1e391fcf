package vn.povertyreview.schemas;

/** Key of the unit-rollups topic: one unit in one review year, written {@code <reviewYear>/<unitCode>}. Immutable. */
public record UnitKey(int reviewYear, String unitCode) {

    public static UnitKey parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("a unit key reads '<reviewYear>/<unitCode>', not '" + key + "'");
        }
        return new UnitKey(Integer.parseInt(key.substring(0, slash)), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return reviewYear + "/" + unitCode;
    }
}
