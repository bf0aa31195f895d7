package org.gazette.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.i18n.Localized;
import org.gazette.problem.Msg;
import org.gazette.problem.Problems;

/**
 * A report's sentences that are last year's, published again: a new year is started from the last
 * (`gazette new year`), and a summary, theme, highlight, plan or follow-up copied back from the
 * comments and not rewritten would state last year's facts as this year's. Said as a warning where
 * it is written. Titles, categories, places and honours (an honour may well be won again) repeat by
 * nature and are not compared.
 */
final class Repeats {

    private Repeats() {}

    static void check(List<Year> years, Problems problems) {
        Map<Integer, Report> byYear = new java.util.HashMap<>();
        for (Year y : years) if (y.report() != null) byYear.put(y.year(), y.report());
        for (Report now : byYear.values()) {
            Report before = byYear.get(now.year() - 1);
            if (before == null) continue;
            Set<String> said = new HashSet<>();
            for (Localized t : sentences(before)) {
                for (String s : t.byLanguage().values()) {
                    said.add(s);
                    said.add(NewText.moveYears(s, before.year(), 1));
                }
            }
            for (Localized t : sentences(now)) {
                boolean repeated = t.byLanguage().values().stream().anyMatch(s -> !s.equals(Localized.EMPTY) && said.contains(s));
                if (repeated) {
                    problems.warning(t.at(), Msg.REPEATED_TEXT.with(before.year(), before.year() + "/" + ContentLoader.REPORT),
                            Msg.REPEATED_TEXT_FIX.with(now.year(), before.year()));
                }
            }
        }
    }

    /** The texts that say what happened in a year (not names, titles or categories). */
    private static List<Localized> sentences(Report r) {
        List<Localized> out = new ArrayList<>();
        if (r.summary() != null) out.add(r.summary());
        if (r.meeting().theme() != null) out.add(r.meeting().theme());
        for (Highlight h : r.highlights()) out.add(h.text());
        if (r.plans() != null) for (Plans.Plan p : r.plans().items()) out.add(p.text());
        if (r.followUp() != null) out.add(r.followUp().text());
        return out;
    }
}
