package org.phitheta.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Minimal CSV helpers (RFC 4180 quoting of fields holding commas or quotes). */
public final class Csv {

    private Csv() {
    }

    /** @param field a field @return the field, quoted if needed */
    public static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** @param fields fields @return one CSV line without line end */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        return sb.toString();
    }

    /** @param v a number @return it with 5 decimals, as in the published table */
    public static String f5(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.5f", v);
    }

    /** @param v a number @return it with 6 significant digits */
    public static String g6(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * @param line one CSV line
     * @return its fields
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
