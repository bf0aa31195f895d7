package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gazette.format.Units;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Quantities in running text are kept whole; nothing else of the page changes. */
class NoBreakTest {

    static final NoBreak NO_BREAK = new NoBreak(Units.shipped());

    @Test
    void quantitiesInBothLanguagesAreWrapped() {
        String page = "<html><head><title>320亿元</title><script type=\"application/ld+json\">{\"a\":\"5000亩\"}</script></head>"
                + "<body><p title=\"26.56亿元\">经济总量突破320亿元，提高1.2个百分点，近5000亩；2018年2月27日，第1名。</p>"
                + "<p>Output passed 32 billion yuan, up 7%, on 5,000 mu in 2017, with 1.2 percentage points more.</p>"
                + "<pre>146个</pre><td class=\"num\">over 32 billion yuan</td><a href=\"x/2017.html\">A320 jets</a></body></html>";
        Document d = Jsoup.parse(NO_BREAK.apply(page));
        assertEquals(List.of("320亿元", "1.2个百分点", "5000亩", "1名", "32 billion yuan", "7%", "5,000 mu", "1.2 percentage points"),
                d.select("span.nobr").eachText());
        assertEquals("320亿元", d.title(), "the title is not running text");
        assertEquals("26.56亿元", d.selectFirst("p").attr("title"), "attributes are never touched");
        assertEquals("{\"a\":\"5000亩\"}", d.selectFirst("script").data());
        assertEquals(0, d.select("pre span, td span, a span").size(), "pre, cells kept whole already, and 2017 or A320 are left alone");
    }

    @Test
    void aPageWithoutQuantitiesIsReturnedAsIs() {
        String page = "<html><body><p>2018年2月27日 in 2017</p></body></html>";
        assertEquals(page, NO_BREAK.apply(page));
    }

    @Test
    void rangesForTheBulletinsLineBreaker() {
        String text = "全区经济总量突破320亿元，over 32 billion yuan.";
        List<String> found = NO_BREAK.ranges(text).stream().map(r -> text.substring(r[0], r[1])).toList();
        assertEquals(List.of("320亿元", "32 billion yuan"), found);
    }
}
