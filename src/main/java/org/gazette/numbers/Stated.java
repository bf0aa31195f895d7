package org.gazette.numbers;

import java.math.BigDecimal;

import org.gazette.format.Quantity;
import org.gazette.format.Unit;

/**
 * A quantity as a text states it: {@code 26.56亿元} at line 5, column 12 is 2,656,000,000 yuan,
 * written to the nearest 1,000,000 ({@code step}: the worth of its last written digit, which says how
 * far an honest rounding may stray). {@code unit} is null for a number with no unit ("2.656 billion",
 * "146"). A {@code soft} quantity (a bare number in English, a Chinese numeral) only pairs with
 * another: years, list numbers and "one of" are bare numbers too, so a soft one alone is no warning.
 */
record Stated(String written, int line, int column, BigDecimal amount, Unit unit, Quantity.Qualifier qualifier,
              BigDecimal step, boolean soft, boolean exempt) {

    Stated(String written, int line, int column, BigDecimal amount, Unit unit, Quantity.Qualifier qualifier, BigDecimal step, boolean soft) {
        this(written, line, column, amount, unit, qualifier, step, soft, false);
    }

    /** The same quantity on a line the office marked {@code gazette: numbers ok}: it pairs, and it excuses its counterpart. */
    Stated exempted() {
        return new Stated(written, line, column, amount, unit, qualifier, step, true, true);
    }

    /** What must agree for two quantities to be the same claim: a unit's dimension, or "bare" for no unit. */
    String dimension() {
        if (unit == null) return "bare";
        return switch (unit.kind()) {
            case COUNT, PEOPLE -> "count";
            default -> unit.id();
        };
    }
}
