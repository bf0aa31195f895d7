package org.gazette.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.i18n.Strings;

/**
 * Prints quantities and dates in one language. Large numbers use the JDK's CLDR compact forms
 * ({@code 320亿} in Chinese, {@code 32 billion} in English) from the language's {@code compact_from}
 * threshold up; smaller ones are printed in full with the language's grouping. Units print as the
 * unit table says ({@link Units}); qualifier and change words come from the language's interface strings. Exact: at most {@link #MAX_FRACTION} decimals in
 * compact form, rounded half-up beyond that; below the threshold every written decimal is kept.
 */
public final class QuantityFormat {

    static final int MAX_FRACTION = 6;

    private final Strings strings;
    private final Units units;
    private final BigDecimal compactFrom;
    private final NumberFormat.Style compactStyle;
    private final boolean grouping;
    private final DateTimeFormatter dates;

    public QuantityFormat(Strings strings, Units units) {
        this.strings = strings;
        this.units = units;
        this.compactFrom = new BigDecimal(strings.get("number_compact_from"));
        this.compactStyle = NumberFormat.Style.valueOf(strings.get("number_compact_style").toUpperCase(java.util.Locale.ROOT));
        this.grouping = Boolean.parseBoolean(strings.get("number_grouping"));
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(strings.language().locale());
    }

    public String format(Quantity q) {
        // "1 person" / "300 people": the unit's form follows the amount as written.
        String withUnit = units.forms(q.unit(), strings.language().code()).pick(strings.isOne(q.amount())).replace("{n}", number(q.amount(), q.unit()));
        return q.exact() ? withUnit : strings.fill(q.qualifier().key(), "q", withUnit);
    }

    /** A change for a table, signed: +7%, −2.5%, +1.2个百分点; zero unsigned: 0%. */
    public String signed(Quantity q) {
        String s = format(abs(q));
        return switch (q.amount().signum()) {
            case 1 -> "+" + s;
            case -1 -> "\u2212" + s;
            default -> s;
        };
    }

    /**
     * A change for running text: 增长7% / up 7%, 下降2.3% / down 2.3%, 提高1.2个百分点 / up 1.2
     * percentage points, 持平 / unchanged. The words are the language's strings ({@code change_up},
     * {@code change_down}, {@code change_zero}; {@code _points} variants for percentage points).
     */
    public String change(Quantity q) {
        int sign = q.amount().signum();
        if (sign == 0) return strings.get("change_zero");
        String key = (sign > 0 ? "change_up" : "change_down") + (q.unit().kind() == Unit.Kind.POINTS ? "_points" : "");
        return strings.fill(key, "q", format(abs(q)));
    }

    private static Quantity abs(Quantity q) {
        return new Quantity(q.qualifier(), q.amount().abs(), q.unit(), q.word(), q.written());
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    /** A whole number as this language prints it (page counts, ranks). */
    public String integer(long n) {
        return plain(BigDecimal.valueOf(n));
    }

    String number(BigDecimal amount, Unit unit) {
        if (unit.scalable() && amount.abs().compareTo(compactFrom) >= 0) {
            return compact(amount);
        }
        return plain(amount);
    }

    /**
     * CLDR's compact form, done exactly. The JDK's CompactNumberFormat drops every decimal of a
     * BigDecimal (26.56亿 came out as 27亿), so we ask it only for the pattern — by formatting a
     * power of ten with the same number of digits — and divide in BigDecimal ourselves.
     */
    private String compact(BigDecimal amount) {
        BigDecimal abs = amount.abs();
        int digits = abs.precision() - abs.scale();
        NumberFormat probe = NumberFormat.getCompactNumberInstance(strings.language().locale(), compactStyle);
        long power = BigDecimal.TEN.pow(digits - 1).longValueExact();
        Matcher m = AFFIXES.matcher(probe.format(power));
        if (!m.matches()) return plain(amount);
        BigDecimal shown = new BigDecimal(m.group(2).replace(",", "").replace("\u00a0", ""));
        BigDecimal divisor = BigDecimal.valueOf(power).divide(shown);
        BigDecimal scaled = abs.divide(divisor).setScale(MAX_FRACTION, RoundingMode.HALF_UP).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(strings.language().locale()));
        f.setMaximumFractionDigits(MAX_FRACTION);
        return (amount.signum() < 0 ? "-" : "") + m.group(1) + f.format(scaled) + m.group(3);
    }

    private static final Pattern AFFIXES = Pattern.compile("^(\\D*?)([0-9][0-9,.\u00a0]*)(\\D*)$");

    private String plain(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(strings.language().locale()));
        f.setGroupingUsed(grouping);
        f.setMaximumFractionDigits(Math.max(0, amount.stripTrailingZeros().scale()));
        f.setParseBigDecimal(true);
        return f.format(amount);
    }
}
