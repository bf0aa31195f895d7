package org.gazette.format;

import java.util.List;
import java.util.Locale;

/**
 * A unit a quantity may carry, as declared in the unit table ({@link Units}): its stable id (what
 * open data writes), its kind, the words written after the number, and whether 万/亿 may stand
 * before it. How each language prints it is in the table too ({@link Units#forms}). Two units are
 * the same unit when their ids are equal.
 */
public record Unit(String id, Kind kind, List<String> written, boolean scalable) {

    /** What a unit measures; decides what a figure's parts may be (growth is percent or points). */
    public enum Kind {
        NUMBER, MONEY, AREA, LENGTH, MASS, VOLUME, ENERGY, POWER, CONCENTRATION, PEOPLE, COUNT, TIME, AGE, SCORE,
        PERCENT, POINTS, MULTIPLE;

        /** The name written in the table and in open data: {@code money}, {@code points}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).filter(k -> k != NUMBER).map(Kind::id).toList();
        }
    }

    /** A bare number: no unit written. */
    public static final Unit NONE = new Unit("", Kind.NUMBER, List.of(), true);

    /** Percent, which Gazette itself computes (attainment = value ÷ target). The table must declare it. */
    public static final Unit PERCENT = new Unit("percent", Kind.PERCENT, List.of("%", "％"), false);

    public Unit {
        written = List.copyOf(written);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && u.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.isEmpty() ? "(none)" : id;
    }
}
