package org.gazette.format;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads a quantity the way the office writes it: an optional qualifier (近, 约, 超, 超过, 逾),
 * a number (ASCII digits, optional thousands commas and decimal point), an optional magnitude
 * (万, 亿, 万亿) and an optional unit from the unit table ({@link Units}). Whitespace between the parts is allowed.
 * Errors say which character is wrong and where, counting columns from {@code column} (where the value starts in the file).
 */
public final class QuantityParser {

    private QuantityParser() {}

    public sealed interface Result permits Ok, Error {}

    public record Ok(Quantity quantity) implements Result {}

    public record Error(String message, String hint) implements Result {}

    private static final List<Map.Entry<String, Quantity.Qualifier>> QUALIFIERS = List.of(
            Map.entry("超过", Quantity.Qualifier.OVER),
            Map.entry("将近", Quantity.Qualifier.NEARLY),
            Map.entry("近", Quantity.Qualifier.NEARLY),
            Map.entry("约", Quantity.Qualifier.ABOUT),
            Map.entry("超", Quantity.Qualifier.OVER),
            Map.entry("逾", Quantity.Qualifier.OVER));

    private static final List<Map.Entry<String, BigDecimal>> MAGNITUDES = List.of(
            Map.entry("万亿", new BigDecimal("1000000000000")),
            Map.entry("亿", new BigDecimal("100000000")),
            Map.entry("万", new BigDecimal("10000")),
            Map.entry("千", new BigDecimal("1000")));

    /** Above any figure a government reports (a country's output is ~10¹⁴ yuan); beyond it formatting would overflow. */
    static final BigDecimal MAX = BigDecimal.TEN.pow(16);

    private static final String HINT = "write it like 320亿元, 26.56亿元, 7%, 1.25倍, 5000亩 or 146个, with ASCII digits";

    static Result parse(Units units, String written, int column) {
        String s = written;
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if ((c >= '０' && c <= '９') || c == '．' || c == '，') {
                return error(written, "full-width " + (c == '．' ? "point" : c == '，' ? "comma" : "digit") + " '" + c + "' at column " + (column + k),
                        "type it again with the keyboard in English (half-width) mode: " + toAscii(written).strip());
            }
        }
        Quantity.Qualifier qualifier = Quantity.Qualifier.EXACT;
        for (var q : QUALIFIERS) {
            if (s.startsWith(q.getKey(), i)) {
                qualifier = q.getValue();
                i += q.getKey().length();
                break;
            }
        }
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        int numberStart = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        boolean digits = false;
        boolean point = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else if (c == ',' && digits && !point) {
                // a thousands separator: allowed, ignored
            } else {
                break;
            }
            i++;
        }
        if (!digits) {
            return error(written, (numberStart < n ? "no number before '" + s.substring(numberStart).strip() + "'" : "no number"),
                    HINT);
        }
        String number = s.substring(numberStart, i).replace(",", "");
        if (number.endsWith(".")) {
            return error(written, "the number ends with a point", "add the digits after the point or remove it");
        }
        BigDecimal amount = new BigDecimal(number);
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        // The unit is read from the table. A unit word may begin like a magnitude (千瓦, 千米): the
        // reading that uses up the whole rest wins, the unit alone first, then a magnitude and a unit.
        String rest = s.substring(i).strip();
        String magnitudeWord = "";
        Unit unit = Unit.NONE;
        String word = "";
        if (!rest.isEmpty() && units.byWord(rest) != null) {
            word = rest;
            unit = units.byWord(rest);
        } else if (!rest.isEmpty()) {
            for (var m : MAGNITUDES) {
                if (rest.startsWith(m.getKey())) {
                    magnitudeWord = m.getKey();
                    amount = amount.multiply(m.getValue());
                    rest = rest.substring(m.getKey().length()).strip();
                    break;
                }
            }
            if (!rest.isEmpty()) {
                unit = units.byWord(rest);
                if (unit != null) {
                    word = rest;
                } else {
                    return unknown(units, written, rest, column + s.indexOf(rest, i));
                }
            }
        }
        if (amount.abs().compareTo(MAX) >= 0 || number.length() > 30) {
            return error(written, "the number is too large for a key figure (Gazette reads amounts below 1亿亿, 10¹⁶)",
                    "check the digits and the magnitude word: 320亿元 is 320 followed by 亿, not 32000000000亿");
        }
        if (!magnitudeWord.isEmpty() && !unit.scalable()) {
            return error(written, "'" + magnitudeWord + "' cannot stand before '" + word + "'", "write the plain number, e.g. 7% or 1.25倍");
        }
        if (word.equals("％")) word = "%";
        return new Ok(new Quantity(qualifier, amount, unit, word, written.strip()));
    }

    /** What is wrong with a rest that is no unit: a unit and something after it, two units, or a word the table lacks. */
    private static Error unknown(Units units, String written, String rest, int column) {
        for (String w : units.words()) {
            if (!rest.startsWith(w)) continue;
            String after = rest.substring(w.length()).strip();
            for (String other : units.words()) {
                if (after.contains(other)) {
                    return error(written, "two units ('" + w + "' and '" + other + "')", "keep one unit: " + written.strip().replace(after, ""));
                }
            }
            return error(written, "unexpected '" + after + "' after the unit '" + w + "'", HINT);
        }
        String near = units.nearest(rest);
        return error(written, "unknown unit '" + rest + "' at column " + column,
                (near != null ? "did you mean '" + near + "'? Or declare" : "Declare") + " '" + rest + "' in " + Units.FILE
                        + " in the content folder: " + rest + ": {written: [" + rest + "], kind: …, zh: \"{n}" + rest + "\", en: \"{n} …\"} (see README, 'Units')");
    }

    private static Error error(String written, String what, String hint) {
        return new Error("'" + written.strip() + "' is not a quantity: " + what, hint);
    }

    private static String toAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') sb.append((char) (c - '０' + '0'));
            else if (c == '．') sb.append('.');
            else if (c == '，') sb.append(',');
            else sb.append(c);
        }
        return sb.toString();
    }
}
