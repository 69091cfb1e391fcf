package vn.povertyreview.schemas;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** A generic datum for any schema, filling every field, so old schema versions can write real data in tests. */
final class SampleData {

    private SampleData() {
    }

    static Object of(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), of(field.schema()));
                }
                yield record;
            }
            case UNION -> of(schema.getTypes().get(schema.getTypes().size() - 1));
            case ARRAY -> List.of(of(schema.getElementType()));
            case MAP -> Map.of("POOR", of(schema.getValueType()));
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case STRING -> "Thị trấn Hà Trung";
            case INT -> 2025;
            case LONG -> 1_764_000_000_000L;
            case BOOLEAN -> true;
            case BYTES -> schema.getLogicalType() instanceof LogicalTypes.Decimal decimal
                    ? new Conversions.DecimalConversion().toBytes(new BigDecimal("12.3456").setScale(decimal.getScale()), schema, decimal)
                    : ByteBuffer.wrap(new byte[] {1, 2, 3});
            case DOUBLE -> 1.5d;
            case FLOAT -> 1.5f;
            case NULL -> null;
            default -> throw new IllegalArgumentException("no sample for " + schema.getType());
        };
    }
}
