package vn.povertyreview.sink.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.UnitRef;

/** The JSON of the target records: the parents column of the target tables and the alert webhook's body. Thread-safe. */
public final class TargetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TargetJson() {
    }

    /** The units as a JSON array of {@code {"code": ..., "name": ...}}, in their order. */
    static String units(List<UnitRef> units) {
        return write(unitList(units));
    }

    /** The alert as the webhook sends it; decimals stay the strings they are on the topic. */
    public static String alert(TargetGapAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", alert.getAlertId());
        body.put("unitCode", alert.getUnit().getCode());
        body.put("unitName", alert.getUnit().getName());
        body.put("parents", unitList(alert.getParents()));
        body.put("reviewYear", alert.getReviewYear());
        body.put("measure", alert.getMeasure().name());
        body.put("kind", alert.getKind().name());
        body.put("value", alert.getValue());
        body.put("status", alert.getStatus().name());
        body.put("previousStatus", alert.getPreviousStatus() == null ? null : alert.getPreviousStatus().name());
        body.put("yearClosed", alert.getYearClosed());
        body.put("gapHouseholds", alert.getGapHouseholds());
        body.put("gapPoints", alert.getGapPoints());
        body.put("completionPercent", alert.getCompletionPercent());
        body.put("messageVi", alert.getMessageVi());
        body.put("messageEn", alert.getMessageEn());
        body.put("raisedAt", alert.getRaisedAt().toString());
        return write(body);
    }

    private static List<Map<String, String>> unitList(List<UnitRef> units) {
        List<Map<String, String>> list = new ArrayList<>();
        if (units != null) {
            for (UnitRef unit : units) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("code", unit.getCode());
                entry.put("name", unit.getName());
                list.add(entry);
            }
        }
        return list;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
