package org.gazette.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Page {@code number} of {@code count} of a listing, with relative links to its neighbours and a
 * window of page numbers (first, last, and two on each side of this one; gaps between).
 */
public record Pager(int number, int count, String prev, String next, List<Link> links) {

    public Pager {
        links = List.copyOf(links);
    }

    /** A page number in the pager; {@code gap} stands for the numbers left out (…). */
    public record Link(int number, String href, boolean current, boolean gap) {}

    static Pager of(int number, int count, String here, java.util.function.IntFunction<String> path) {
        List<Link> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            if (n == 1 || n == count || Math.abs(n - number) <= 2) {
                if (last > 0 && n > last + 1) links.add(new Link(0, null, false, true));
                links.add(new Link(n, Urls.relative(here, path.apply(n)), n == number, false));
                last = n;
            }
        }
        return new Pager(number, count,
                number > 1 ? Urls.relative(here, path.apply(number - 1)) : null,
                number < count ? Urls.relative(here, path.apply(number + 1)) : null, links);
    }
}
