package org.gazette.render;

import org.gazette.content.Article;

/**
 * An article as listed or shown in one language: {@code fallback} when it is another language's
 * text; {@code hold} when it is held back (a draft, or embargoed until a time) and shown only by a
 * {@code --drafts} build; null otherwise.
 */
public record NewsItem(Article article, int year, String href, boolean fallback, Hold hold) {

    /** Why a previewed article is not public yet: {@code draft}, or {@code until} (the embargo's end, as written for people). */
    public record Hold(boolean draft, String until) {}
}
