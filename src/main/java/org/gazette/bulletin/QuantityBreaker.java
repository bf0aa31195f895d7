package org.gazette.bulletin;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.extend.FSTextBreaker;
import org.gazette.render.NoBreak;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;

/**
 * The bulletin's line breaker: openhtmltopdf's own (Unicode line breaking, URLs at their slashes),
 * minus every break that would fall inside a quantity of the text (320亿元, 1.2个百分点, 32 billion
 * yuan), as {@link NoBreak#ranges} finds them. One per document: the renderer calls it from one thread.
 */
final class QuantityBreaker implements FSTextBreaker {

    private final FSTextBreaker delegate = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
    private final NoBreak noBreak;
    private List<int[]> ranges = List.of();

    QuantityBreaker(NoBreak noBreak) {
        this.noBreak = noBreak;
    }

    @Override
    public void setText(String text) {
        delegate.setText(text);
        ranges = noBreak.ranges(text);
    }

    @Override
    public int next() {
        int p;
        do {
            p = delegate.next();
        } while (p != BreakIterator.DONE && inside(p));
        return p;
    }

    private boolean inside(int p) {
        for (int[] r : ranges) {
            if (p > r[0] && p < r[1]) return true;
            if (r[0] >= p) break;
        }
        return false;
    }
}
