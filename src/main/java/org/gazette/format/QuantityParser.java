package org.gazette.format;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;

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

    public record Error(Message message, Message hint) implements Result {}

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

    private static final Message HINT = Msg.QUANTITY_FIX.with();

    static Result parse(Units units, String written, int column) {
        String s = written;
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if ((c >= '０' && c <= '９') || c == '．' || c == '，') {
                return error(written, (c == '．' ? Msg.FULL_WIDTH_POINT : c == '，' ? Msg.FULL_WIDTH_COMMA : Msg.FULL_WIDTH_DIGIT).with(String.valueOf(c), column + k),
                        Msg.HALF_WIDTH_FIX.with(toAscii(written).strip()));
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
            return error(written, numberStart < n ? Msg.NO_NUMBER_BEFORE.with(s.substring(numberStart).strip()) : Msg.NO_NUMBER.with(), HINT);
        }
        String number = s.substring(numberStart, i).replace(",", "");
        if (number.endsWith(".")) {
            return error(written, Msg.ENDS_WITH_POINT.with(), Msg.ENDS_WITH_POINT_FIX.with());
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
            return error(written, Msg.NUMBER_TOO_LARGE.with(), Msg.NUMBER_TOO_LARGE_FIX.with());
        }
        if (!magnitudeWord.isEmpty() && !unit.scalable()) {
            return error(written, Msg.NO_MAGNITUDE.with(magnitudeWord, word), Msg.NO_MAGNITUDE_FIX.with());
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
                    return error(written, Msg.TWO_UNITS.with(w, other), Msg.TWO_UNITS_FIX.with(written.strip().replace(after, "")));
                }
            }
            return error(written, Msg.AFTER_UNIT.with(after, w), HINT);
        }
        String near = units.nearest(rest);
        String declaration = rest + ": {written: [" + rest + "], kind: …, zh: \"{n}" + rest + "\", en: \"{n} …\"}";
        return error(written, Msg.UNKNOWN_UNIT.with(rest, column),
                near != null ? Msg.UNKNOWN_UNIT_NEAR_FIX.with(near, rest, Units.FILE, declaration) : Msg.UNKNOWN_UNIT_FIX.with(rest, Units.FILE, declaration));
    }

    private static Error error(String written, Message what, Message hint) {
        return new Error(Msg.NOT_QUANTITY.with(written.strip(), what), hint);
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
