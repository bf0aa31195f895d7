package org.gazette.content;

import java.time.Instant;

/**
 * What a build publishes. Texts that are drafts, or embargoed past {@code now}, are left out of the
 * content altogether (pages, listings, feeds, sitemaps, search, open data, bulletin attachments and
 * their images), so nothing downstream can leak them; a preview ({@code drafts}) keeps them, marked.
 */
public record Publishing(Instant now, boolean drafts) {

    /** A published build at this moment. */
    public static Publishing live() {
        return new Publishing(Instant.now(), false);
    }

    /** Whether {@code a} goes into this build. */
    public boolean includes(Article a) {
        return drafts || a.publishable(now);
    }
}
