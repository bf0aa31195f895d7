package org.gazette.render;

import org.gazette.content.Article;

/** An article as listed or shown in one language: {@code fallback} when it is another language's text. */
public record NewsItem(Article article, int year, String href, boolean fallback) {}
