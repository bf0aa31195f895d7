package org.gazette.numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.format.Quantity.Qualifier;
import org.gazette.format.Unit;
import org.gazette.format.Units;

/**
 * Reads the quantities a line of prose states, the way each language writes them: Chinese as the
 * office writes (320亿元, 近5000亩, 1.2个百分点, 三个 — a number needs a magnitude or a unit of the unit
 * table to be a quantity, so 2017年 and 2月27日 are not), English as Gazette prints and as people write
 * (32 billion yuan, RMB 25.7bn, 5,000 mu, 7 per cent, over 58 billion, 146). Not quantities: ordinals
 * (第1名, 1st), document numbers (〔2021〕28号), dates, times, numbers inside words (A320) or links.
 */
final class ProseReader {

    private static final Map<String, Qualifier> ZH_QUALIFIERS = ordered(
            "将近", Qualifier.NEARLY, "接近", Qualifier.NEARLY, "近", Qualifier.NEARLY, "约", Qualifier.ABOUT,
            "超过", Qualifier.OVER, "突破", Qualifier.OVER, "超", Qualifier.OVER, "逾", Qualifier.OVER);
    private static final Map<String, Qualifier> EN_QUALIFIERS = ordered(
            "nearly", Qualifier.NEARLY, "almost", Qualifier.NEARLY, "close to", Qualifier.NEARLY, "just under", Qualifier.NEARLY,
            "about", Qualifier.ABOUT, "around", Qualifier.ABOUT, "approximately", Qualifier.ABOUT, "roughly", Qualifier.ABOUT,
            "some", Qualifier.ABOUT, "over", Qualifier.OVER, "more than", Qualifier.OVER, "above", Qualifier.OVER,
            "exceeding", Qualifier.OVER, "passed", Qualifier.OVER, "topped", Qualifier.OVER, "at least", Qualifier.OVER);
    private static final Map<String, BigDecimal> ZH_MAGNITUDES = ordered(
            "万亿", new BigDecimal("1000000000000"), "亿", new BigDecimal("100000000"), "万", new BigDecimal("10000"), "千", new BigDecimal("1000"));
    private static final Map<String, BigDecimal> EN_SCALES = ordered(
            " trillion", new BigDecimal("1000000000000"), " billion", new BigDecimal("1000000000"), " million", new BigDecimal("1000000"),
            "bn", new BigDecimal("1000000000"), " bn", new BigDecimal("1000000000"), "mn", new BigDecimal("1000000"),
            " mn", new BigDecimal("1000000"), " thousand", new BigDecimal("1000"));
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    private static final String CN_DIGITS = "零一二两三四五六七八九";

    private final Units units;
    private final boolean chinese;
    /** English unit words after the number ("billion yuan" → yuan), longest first; and prefixes (US$). */
    private final Map<String, Unit> after = new LinkedHashMap<>();
    private final Map<String, Unit> before = new LinkedHashMap<>();

    ProseReader(Units units, String language) {
        this.units = units;
        this.chinese = language.equals("zh");
        List<Map.Entry<String, Unit>> words = new ArrayList<>();
        for (Unit u : units.all()) {
            Units.Forms f;
            try {
                f = units.forms(u, "en");
            } catch (IllegalStateException e) {
                continue;
            }
            for (String form : new String[] {f.one(), f.other()}) {
                if (form == null) continue;
                int n = form.indexOf("{n}");
                String pre = form.substring(0, n);
                String post = form.substring(n + 3);
                if (!pre.isEmpty()) before.put(pre, u);
                if (!post.strip().isEmpty()) words.add(Map.entry(post, u));
            }
        }
        Unit percent = units.byId("percent");
        Unit yuan = units.byId("yuan");
        Unit usd = units.byId("usd");
        words.add(Map.entry(" per cent", percent));
        words.add(Map.entry(" percent", percent));
        if (yuan != null) {
            before.put("RMB ", yuan);
            before.put("RMB", yuan);
            before.put("CNY ", yuan);
            before.put("¥", yuan);
        }
        if (usd != null) before.put("$", usd);
        words.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (var w : words) after.putIfAbsent(w.getKey(), w.getValue());
        // "a 30-day campaign": the singular unit joined by a hyphen.
        for (var w : words) {
            if (w.getKey().startsWith(" ") && w.getKey().indexOf(" ", 1) < 0) after.putIfAbsent("-" + w.getKey().substring(1), w.getValue());
        }
    }

    /** The quantities of one line, with 1-based columns; {@code lineNo} is the line's number in its file, {@code column0} where the text starts. */
    List<Stated> read(String line, int lineNo, int column0) {
        return chinese ? chinese(line, lineNo, column0) : english(line, lineNo, column0);
    }

    private List<Stated> chinese(String s, int lineNo, int column0) {
        List<Stated> out = new ArrayList<>();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (ascii(c) && (i == 0 || !wordChar(s.charAt(i - 1)))) {
                int end = number(s, i);
                BigDecimal amount = new BigDecimal(s.substring(i, end).replace(",", ""));
                BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(0, amount.scale()));
                int j = end;
                String magnitude = prefix(s, j, ZH_MAGNITUDES.keySet());
                if (magnitude != null) {
                    amount = amount.multiply(ZH_MAGNITUDES.get(magnitude));
                    step = step.multiply(ZH_MAGNITUDES.get(magnitude));
                    j += magnitude.length();
                }
                String word = prefix(s, j, units.words());
                // A unit that begins like a magnitude (千瓦) is a unit, not 千 and 瓦.
                if (magnitude != null && word == null) {
                    String whole = prefix(s, end, units.words());
                    if (whole != null) {
                        amount = amount.divide(ZH_MAGNITUDES.get(magnitude));
                        step = step.divide(ZH_MAGNITUDES.get(magnitude));
                        magnitude = null;
                        j = end;
                        word = whole;
                    }
                }
                Unit unit = word == null ? null : units.byWord(word);
                if (word != null) j += word.length();
                boolean ordinal = i > 0 && (s.charAt(i - 1) == '第' || s.charAt(i - 1) == '〔');
                if ((magnitude != null || unit != null) && !ordinal) {
                    Qualifier q = qualifierBefore(s, i, ZH_QUALIFIERS);
                    if (unit != null && (unit.kind() == Unit.Kind.PERCENT || unit.kind() == Unit.Kind.POINTS) && i > 0 && s.charAt(i - 1) == '-') {
                        amount = amount.negate();
                    }
                    out.add(new Stated(s.substring(i, j), lineNo, column0 + s.codePointCount(0, i), amount, unit, q, step, false));
                }
                i = j - 1;
            } else if (CN_DIGITS.indexOf(c) >= 0 || c == '十') {
                // 三个, 两项, 十二家: a Chinese numeral with a measure word (soft: it only pairs).
                int j = i;
                while (j < n && (CN_DIGITS.indexOf(s.charAt(j)) >= 0 || s.charAt(j) == '十' || s.charAt(j) == '百')) j++;
                String word = prefix(s, j, units.words());
                Unit unit = word == null ? null : units.byWord(word);
                boolean ordinal = i > 0 && s.charAt(i - 1) == '第';
                BigDecimal value = unit == null || ordinal ? null : chineseNumeral(s.substring(i, j));
                if (value != null && (unit.kind() == Unit.Kind.COUNT || unit.kind() == Unit.Kind.PEOPLE)) {
                    out.add(new Stated(s.substring(i, j + word.length()), lineNo, column0 + s.codePointCount(0, i), value, unit,
                            Qualifier.EXACT, BigDecimal.ONE, true));
                }
                i = j - 1;
            }
        }
        return out;
    }

    private List<Stated> english(String s, int lineNo, int column0) {
        List<Stated> out = new ArrayList<>();
        words(s, lineNo, column0, out);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!ascii(c) || (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.' || s.charAt(i - 1) == ','
                    || s.charAt(i - 1) == ':' || s.charAt(i - 1) == '/'))) {
                continue;
            }
            int start = i;
            int end = number(s, i);
            i = end - 1;
            if (end < n && (s.charAt(end) == ':' || s.charAt(end) == '/') && end + 1 < n && ascii(s.charAt(end + 1))) continue; // 10:00, 1/3
            String rest = s.substring(end).toLowerCase(Locale.ROOT);
            if (rest.startsWith("st") || rest.startsWith("nd") || rest.startsWith("rd") || rest.startsWith("th")) {
                if (rest.length() == 2 || !Character.isLetter(rest.charAt(2))) continue; // 1st, 22nd
            }
            String head = s.substring(0, start).toLowerCase(Locale.ROOT).stripTrailing();
            if (head.endsWith("no.") || head.endsWith("figure") || head.endsWith("table") || head.endsWith("phase") || head.endsWith("article")) continue;
            if (date(head, rest)) continue;
            BigDecimal amount = new BigDecimal(s.substring(start, end).replace(",", ""));
            BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(0, amount.scale()));
            Unit unit = null;
            int from = start;
            for (var p : before.entrySet()) {
                if (start >= p.getKey().length() && s.startsWith(p.getKey(), start - p.getKey().length())) {
                    unit = p.getValue();
                    from = start - p.getKey().length();
                    break;
                }
            }
            int j = end;
            boolean scaled = false;
            // RMB 128m, US$1.5m: after a currency, "m" is million.
            if (unit != null && j < n && s.charAt(j) == 'm' && (j + 1 == n || !Character.isLetter(s.charAt(j + 1)))) {
                amount = amount.multiply(new BigDecimal("1000000"));
                step = step.multiply(new BigDecimal("1000000"));
                j++;
                scaled = true;
            }
            for (var sc : EN_SCALES.entrySet()) {
                if (scaled) break;
                if (s.startsWith(sc.getKey(), j) && (j + sc.getKey().length() == n || !Character.isLetter(s.charAt(j + sc.getKey().length())))) {
                    amount = amount.multiply(sc.getValue());
                    step = step.multiply(sc.getValue());
                    j += sc.getKey().length();
                    scaled = true;
                    break;
                }
            }
            if (unit == null) {
                for (var w : after.entrySet()) {
                    String k = w.getKey();
                    if (s.startsWith(k, j) && (j + k.length() == n || !Character.isLetter(s.charAt(j + k.length())))) {
                        unit = w.getValue();
                        j += k.length();
                        break;
                    }
                }
            }
            if (unit != null && (unit.kind() == Unit.Kind.PERCENT || unit.kind() == Unit.Kind.POINTS) && start > 0 && s.charAt(start - 1) == '-') {
                amount = amount.negate();
            }
            boolean soft = unit == null && !scaled;
            Qualifier q = qualifierBefore(s.substring(0, from), from, EN_QUALIFIERS);
            out.add(new Stated(s.substring(from, j), lineNo, column0 + s.codePointCount(0, from), amount, unit, q, step, soft));
            i = j - 1;
        }
        return out;
    }

    private static final List<String> ONES = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    /**
     * Numbers written as words ("One hundred old communities", "twenty-three"): soft quantities, since
     * English spells out a number that starts a sentence and small counts, where Chinese writes digits.
     */
    private static boolean startsNumberWord(char c) {
        return switch (c) {
            case 'z', 'o', 't', 'f', 's', 'e', 'n' -> true;
            default -> false;
        };
    }

    /** {@link #ONES} and {@link #TENS} by word (a list's indexOf compares with every entry). */
    private static final Map<String, Integer> ONE = index(ONES);
    private static final Map<String, Integer> TEN = index(TENS);

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < words.size(); i++) if (!words.get(i).isEmpty()) m.put(words.get(i), i);
        return Map.copyOf(m);
    }

    private static void words(String s, int lineNo, int column0, List<Stated> out) {
        String lower = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char first = Character.toLowerCase(s.charAt(i));
            if (!Character.isLetter(first) || (i > 0 && Character.isLetter(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            if (!startsNumberWord(first)) {
                // No number word starts with this letter: skip the word without copying it.
                while (i < n && Character.isLetter(s.charAt(i))) i++;
                continue;
            }
            if (lower == null) lower = s.toLowerCase(Locale.ROOT);
            int start = i;
            int total = 0;
            int current = 0;
            boolean any = false;
            int end = i;
            int j = i;
            while (j < n) {
                int k = j;
                while (k < n && Character.isLetter(lower.charAt(k))) k++;
                // Number words are 3 to 9 letters long ("one" … "seventeen"): anything else ends the number.
                if (k - j < 3 || k - j > 9) break;
                String w = lower.substring(j, k);
                Integer one = ONE.get(w);
                Integer ten = TEN.get(w);
                if (one != null) {
                    current += one;
                } else if (ten != null && ten >= 2) {
                    current += ten * 10;
                } else if (w.equals("hundred") && any) {
                    current = Math.max(current, 1) * 100;
                } else if (w.equals("thousand") && any) {
                    total += Math.max(current, 1) * 1000;
                    current = 0;
                } else if (w.equals("and") && any && k + 1 < n) {
                    // "two hundred and twenty": go on only if a number word follows
                    int next = k + 1;
                    int m = next;
                    while (m < n && Character.isLetter(lower.charAt(m))) m++;
                    String after = lower.substring(next, m);
                    if (!ONE.containsKey(after) && TEN.getOrDefault(after, 0) < 2) break;
                } else {
                    break;
                }
                any = true;
                end = k;
                if (k < n && (lower.charAt(k) == ' ' || lower.charAt(k) == '-')) j = k + 1;
                else break;
            }
            if (any) {
                int value = total + current;
                if (value > 1) {
                    out.add(new Stated(s.substring(start, end), lineNo, column0 + s.codePointCount(0, start), BigDecimal.valueOf(value), null,
                            Qualifier.EXACT, BigDecimal.ONE, true));
                }
                i = end;
            } else {
                while (i < n && Character.isLetter(lower.charAt(i))) i++;
            }
        }
    }

    private static boolean date(String head, String rest) {
        for (String m : MONTHS) {
            if (head.endsWith(m) || rest.stripLeading().startsWith(m)) return true;
        }
        return false;
    }

    private static boolean ascii(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean wordChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == ',' || c == '_' || c == '/';
    }

    /** The end of the number starting at {@code i}: digits, thousands commas, one decimal point. */
    private static int number(String s, int i) {
        int n = s.length();
        int j = i;
        boolean point = false;
        while (j < n) {
            char c = s.charAt(j);
            if (ascii(c)) {
                j++;
            } else if (c == ',' && !point && groupOfThree(s, j + 1)) {
                j++;
            } else if (c == '.' && !point && j + 1 < n && ascii(s.charAt(j + 1))) {
                point = true;
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean groupOfThree(String s, int at) {
        if (at + 3 > s.length()) return false;
        for (int k = at; k < at + 3; k++) if (!ascii(s.charAt(k))) return false;
        return at + 3 == s.length() || !ascii(s.charAt(at + 3));
    }

    private static String prefix(String s, int at, Iterable<String> words) {
        for (String w : words) if (s.startsWith(w, at)) return w;
        return null;
    }

    private static Qualifier qualifierBefore(String s, int at, Map<String, Qualifier> qualifiers) {
        String head = s.substring(0, Math.min(at, s.length())).stripTrailing().toLowerCase(Locale.ROOT);
        for (var q : qualifiers.entrySet()) {
            if (head.endsWith(q.getKey())) {
                int before = head.length() - q.getKey().length();
                if (before == 0 || !Character.isLetter(head.charAt(before - 1)) || q.getKey().charAt(0) > 127) return q.getValue();
            }
        }
        return Qualifier.EXACT;
    }

    /** 三 → 3, 十二 → 12, 二十 → 20, 两百 → 200; null for what this small reader does not know. */
    private static BigDecimal chineseNumeral(String s) {
        int total = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '两') d = 2;
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else if (c == '百') {
                total += (digit < 0 ? 1 : digit) * 100;
                digit = -1;
            } else {
                return null;
            }
        }
        if (digit > 0) total += digit;
        return total == 0 ? null : BigDecimal.valueOf(total);
    }

    @SafeVarargs
    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") V v = (V) pairs[i + 1];
            m.put((String) pairs[i], v);
        }
        return m;
    }
}
