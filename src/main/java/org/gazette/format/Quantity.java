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

    public boolean exact() {
        return qualifier == Qualifier.EXACT;
    }

    @Override
    public String toString() {
        return written;
    }
}
