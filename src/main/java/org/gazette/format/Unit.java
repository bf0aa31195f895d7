package org.gazette.format;

import java.util.List;

/**
 * The units a quantity may carry, as the office writes them. {@code key} names the interface
 * string that prints it ({@code unit_yuan: "{n} yuan"}), so a new language needs no code.
 * Measure words (个, 项, 面 …) print as written in Chinese and as a bare number in English,
 * where the label already names the thing counted.
 */
public enum Unit {
    NONE("", "unit_none", true),
    YUAN("元", "unit_yuan", true),
    MU("亩", "unit_mu", true),
    SQUARE_METRE("平方米", "unit_square_metre", true),
    KILOMETRE("公里", "unit_kilometre", true),
    PEOPLE("人", "unit_people", true),
    HOUSEHOLDS("户", "unit_households", true),
    COUNTER("个", "unit_counter", true),
    PERCENT("%", "unit_percent", false),
    TIMES("倍", "unit_times", false);

    /** Measure words that count things; kept as written for Chinese. */
    public static final List<String> COUNTER_WORDS = List.of("个", "项", "面", "家", "所", "座", "条", "次", "名", "批", "处", "场", "件", "期");

    private final String written;
    private final String key;
    private final boolean scalable;

    Unit(String written, String key, boolean scalable) {
        this.written = written;
        this.key = key;
        this.scalable = scalable;
    }

    public String written() {
        return written;
    }

    public String key() {
        return key;
    }

    /** Whether 万/亿 may stand before it (320亿元 yes, 7万% no). */
    public boolean scalable() {
        return scalable;
    }

    /** Every word accepted after the number, longest first so 平方米 wins over 米-like prefixes. */
    public static List<String> words() {
        List<String> all = new java.util.ArrayList<>();
        for (Unit u : values()) if (!u.written.isEmpty() && u != COUNTER) all.add(u.written);
        all.addAll(COUNTER_WORDS);
        all.add("％");
        all.sort((a, b) -> b.length() - a.length());
        return all;
    }

    public static Unit of(String word) {
        if (word.equals("％")) return PERCENT;
        for (Unit u : values()) if (u != COUNTER && u.written.equals(word)) return u;
        if (COUNTER_WORDS.contains(word)) return COUNTER;
        return null;
    }
}
