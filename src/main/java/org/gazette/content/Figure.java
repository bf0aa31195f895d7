package org.gazette.content;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.gazette.format.Quantity;
import org.gazette.format.Unit;
import org.gazette.i18n.Localized;

/**
 * A key figure. Only {@code id}, {@code field} and {@code label} are always present; of the rest,
 * what the office knows: the value, its target (or how far it beat the target), attainment,
 * growth on the previous year, rank among peers. Absent parts are null.
 */
public record Figure(String id, String field, Localized label, Quantity value, Quantity target, Quantity overTarget,
                     Quantity attainment, Quantity growth, Rank rank) {

    /** The target as written, or value − overTarget when the office wrote how far it was beaten. */
    public Quantity effectiveTarget() {
        if (target != null) return target;
        if (value != null && overTarget != null && value.exact() && overTarget.exact() && value.unit().equals(overTarget.unit())) {
            return Quantity.like(value.amount().subtract(overTarget.amount()), value);
        }
        return null;
    }

    /** Attainment as written (1.25倍), or value ÷ target in percent, to two decimals rounded half-up. */
    public Quantity effectiveAttainment() {
        if (attainment != null) return attainment;
        Quantity t = effectiveTarget();
        if (value == null || t == null || !value.exact() || t.amount().signum() == 0 || !value.unit().equals(t.unit())) return null;
        BigDecimal pct = value.amount().multiply(BigDecimal.valueOf(100)).divide(t.amount(), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (pct.scale() < 0) pct = pct.setScale(0);
        return new Quantity(Quantity.Qualifier.EXACT, pct, Unit.PERCENT, "%", pct.toPlainString() + "%");
    }
}
