package org.gazette.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing Gazette says, as a kind and its values, so that it can be said in either language. A value
 * is the user's own text or a technical word (a path, a field name: kept as written), a number, a list,
 * a language (a {@link java.util.Locale}, named in the language spoken), a picture's size ({@link Pixels}),
 * or another message (said in the same language).
 */
public final class Message {

    private final Msg kind;
    private final Object[] values;

    Message(Msg kind, Object[] values) {
        this.kind = Objects.requireNonNull(kind);
        this.values = values.clone();
        // A call with the wrong number of values is Gazette's bug: the tests run with assertions on.
        assert values.length == kind.parameters().size() : kind + " takes " + kind.parameters() + ", given " + values.length;
    }

    public Msg kind() {
        return kind;
    }

    /** The value of parameter {@code i} (in the order the kind declares them). */
    public Object value(int i) {
        return i < values.length ? values[i] : null;
    }

    /**
     * {@code {name}} is a value; {@code {n:one|other}} picks the singular form when the number n is 1, else
     * the plural, where {@code #} stands for n ({@code {n:a file|# files}}).
     */
    private static final Pattern PLACE = Pattern.compile("\\{([a-zA-Z]+)(?::([^|{}]*)\\|([^{}]*))?\\}");

    public String in(Lang lang) {
        String text = lang.text(kind);
        Matcher m = PLACE.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 32);
        int last = 0;
        while (m.find()) {
            int i = kind.parameter(m.group(1));
            if (i < 0) continue; // a brace that is text, e.g. "{n} tonnes" in a hint
            sb.append(text, last, m.start());
            Object v = value(i);
            if (m.group(2) != null) {
                String form = v instanceof Number n && n.longValue() == 1 ? m.group(2) : m.group(3);
                sb.append(form.replace("#", show(v, lang)));
            } else {
                sb.append(show(v, lang));
            }
            last = m.end();
        }
        return sb.append(text, last, text.length()).toString();
    }

    private static String show(Object v, Lang lang) {
        if (v == null) return "?";
        if (v instanceof Message m) return m.in(lang);
        if (v instanceof Pixels p) return p.in(lang);
        if (v instanceof java.util.Locale l) return l.getDisplayLanguage(lang == Lang.ZH ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH);
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                if (sb.length() > 0) sb.append(lang == Lang.ZH ? "、" : ", ");
                sb.append(show(o, lang));
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }

    /** A picture's size in pixels, said as each language counts it: megapixels in English, 万 or 亿 pixels in Chinese. */
    public record Pixels(long count) {
        String in(Lang lang) {
            if (lang == Lang.ZH) {
                return count >= 100_000_000 && count % 10_000_000 == 0 ? stripped(count / 1e8) + " 亿像素" : count / 10_000 + " 万像素";
            }
            return count / 1_000_000 + " megapixels";
        }

        private static String stripped(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    @Override
    public String toString() {
        return in(Lang.EN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.kind == kind && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(values);
    }
}
