package org.gazette.content;

import java.time.LocalDate;
import java.util.List;

import org.gazette.i18n.Language;
import org.gazette.problem.Position;

/**
 * A Markdown text in one language: front matter, and the body already rendered to (X)HTML.
 * {@code draft} and {@code publishAt} (an embargo; null when none) keep it out of a published build;
 * {@code featured} puts it first on the home page. {@code tags} are as written; {@code tagIds} the
 * declared tags they name (see {@link Tags}).
 */
public record Article(String slug, Language language, String file, String title, LocalDate date, String summary,
                      Byline byline, List<String> tags, Body body, List<Image> images, Position dateAt,
                      boolean draft, java.time.Instant publishAt, boolean featured, List<String> tagIds, List<Ref> links, Source source) {

    /** As read from its file. */
    public Article(String slug, Language language, String file, String title, LocalDate date, String summary,
                   Byline byline, List<String> tags, String html, List<Image> images, Position dateAt,
                   boolean draft, java.time.Instant publishAt, boolean featured, List<String> tagIds, List<Ref> links, Source source) {
        this(slug, language, file, title, date, summary, byline, tags, new Inline(html), images, dateAt, draft, publishAt, featured, tagIds, links, source);
    }

    /**
     * The body as HTML. A build of the site keeps it in a temporary file from loading until its
     * page is made (see {@link Spill}); the preview keeps it in memory.
     */
    public String html() {
        return body.html();
    }

    /** Where a text's body is: in memory, or in a {@link Spill}. */
    public interface Body {
        String html();
    }

    /** A body held in memory. */
    public record Inline(String html) implements Body {}

    /** The same text with its body kept elsewhere. */
    public Article withBody(Body body) {
        return new Article(slug, language, file, title, date, summary, byline, tags, body, images, dateAt, draft, publishAt, featured, tagIds, links, source);
    }

    /** The same without its links (tests and texts made in code). */
    public Article(String slug, Language language, String file, String title, LocalDate date, String summary,
                   Byline byline, List<String> tags, String html, List<Image> images, Position dateAt,
                   boolean draft, java.time.Instant publishAt, boolean featured, List<String> tagIds) {
        this(slug, language, file, title, date, summary, byline, tags, html, images, dateAt, draft, publishAt, featured, tagIds, List.of(), null);
    }

    /**
     * Where a reprinted text comes from ({@code source:} in its front matter): the publication's name,
     * and the address of the original if given (null otherwise). A text without one is the office's own.
     */
    public record Source(String name, String url) {}

    /** A relative link of the text: as written, as published (a link to a text's file becomes its page's address), and where. */
    public record Ref(String written, String published, int line, int column) {}

    public Article {
        links = List.copyOf(links);
        tags = List.copyOf(tags);
        tagIds = List.copyOf(tagIds);
        images = List.copyOf(images);
    }

    /** The same text dated {@code date} (the report's prose, which takes the meeting's date when it gives none). */
    public Article withDate(LocalDate date) {
        return new Article(slug, language, file, title, date, summary, byline, tags, body, images, dateAt, draft, publishAt, featured, tagIds, links, source);
    }

    /** Whether it may be published at {@code now}: not a draft, and its embargo (if any) has passed. */
    public boolean publishable(java.time.Instant now) {
        return !draft && (publishAt == null || !publishAt.isAfter(now));
    }

    /** Whether it is held back at {@code now} (shown only by {@code --drafts} builds, with a banner). */
    public boolean held(java.time.Instant now) {
        return !publishable(now);
    }

    /** Whether it is embargoed (as opposed to a draft) at {@code now}. */
    public boolean embargoed(java.time.Instant now) {
        return !draft && publishAt != null && publishAt.isAfter(now);
    }

    /** An image the text refers to, with the line it is written on (for messages). */
    public record Image(String url, int line, int column) {
        public boolean isRemote() {
            return url.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || url.startsWith("//");
        }
    }

    /** Who wrote it and took the pictures, and its editor in charge (责任编辑, {@code editor:}); lists may be empty. */
    public record Byline(List<String> reporter, List<String> correspondent, List<String> photographer, List<String> editor) {
        public static final Byline NONE = new Byline(List.of(), List.of(), List.of(), List.of());

        public Byline {
            reporter = List.copyOf(reporter);
            correspondent = List.copyOf(correspondent);
            photographer = List.copyOf(photographer);
            editor = List.copyOf(editor);
        }

        /** Whether it names no writer or photographer (the editor is shown apart). */
        public boolean isEmpty() {
            return reporter.isEmpty() && correspondent.isEmpty() && photographer.isEmpty();
        }

        public Byline withEditor(List<String> editor) {
            return new Byline(reporter, correspondent, photographer, editor);
        }
    }
}
