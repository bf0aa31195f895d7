package org.gazette.format;

import java.math.BigDecimal;

/**
 * A number as the office writes it: {@code 超320亿元} is over 32,000,000,000 yuan.
 * {@code amount} is exact and in the unit's base (yuan, mu, percent points), never binary floating point.
 * {@code word} is the unit as written (个 or 项 for counters), {@code scaleWord} the magnitude as written (亿, 万, or empty).
 */
public record Quantity(Qualifier qualifier, BigDecimal amount, Unit unit, String word, String written) {

    /** A leading word that makes the number approximate or a bound. */
    public enum Qualifier {
        EXACT("", "qualifier_exact"),
        NEARLY("近", "qualifier_nearly"),
        ABOUT("约", "qualifier_about"),
        OVER("超", "qualifier_over");

        private final String written;
        private final String key;

        Qualifier(String written, String key) {
            this.written = written;
            this.key = key;
        }

        public String written() {
            return written;
        }

        public String key() {
            return key;
        }
    }

    /** An exact amount written the way {@code model} is written (same magnitude word and unit): 25.28亿元 beside 26.56亿元. */
    public static Quantity like(java.math.BigDecimal amount, Quantity model) {
        String magnitude = model.written().contains("万亿") ? "万亿" : model.written().contains("亿") ? "亿"
                : model.written().contains("万") ? "万" : "";
        java.math.BigDecimal scale = switch (magnitude) {
            case "万亿" -> new java.math.BigDecimal("1000000000000");
            case "亿" -> new java.math.BigDecimal("100000000");
            case "万" -> new java.math.BigDecimal("10000");
            default -> java.math.BigDecimal.ONE;
        };
        java.math.BigDecimal shown = amount.divide(scale).stripTrailingZeros();
        String number = (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString();
        return new Quantity(Qualifier.EXACT, amount, model.unit(), model.word(), number + magnitude + model.word());
    }

    public boolean exact() {
        return qualifier == Qualifier.EXACT;
    }

    @Override
    public String toString() {
        return written;
    }
}
