package org.gazette.content;

import java.util.List;
import java.util.Optional;

import org.gazette.i18n.Language;
import org.gazette.problem.Msg;
import org.gazette.safety.SafeUrl;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/** Reads one Markdown file: YAML front matter between two {@code ---} lines, then the body. */
final class ArticleReader {

    private static final Msg FRONT_MATTER_HINT = Msg.NO_FRONT_MATTER_FIX;

    private final YamlReader yaml;
    private final Markdown markdown;
    private final java.time.ZoneId zone;
    private final Tags tagList;

    ArticleReader(YamlReader yaml, Markdown markdown, java.time.ZoneId zone, Tags tags) {
        this.yaml = yaml;
        this.markdown = markdown;
        this.zone = zone;
        this.tagList = tags;
    }

    /** Reads one text; its problems go to {@code problems} (one collector per text, so texts can be read in parallel). */
    Optional<Article> read(SourceText source, String slug, Language language, Problems problems) {
        String text = source.text();
        String file = source.file();
        if (!text.startsWith("---\n")) {
            problems.error(new Position(file, 1, 1), Msg.NO_FRONT_MATTER.with(), FRONT_MATTER_HINT.with());
            return Optional.empty();
        }
        int end = -1;
        int line = 2;
        int pos = 4;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            String l = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            if (l.equals("---") || l.equals("...")) {
                end = pos;
                break;
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        if (end < 0) {
            problems.error(new Position(file, 1, 1), Msg.FRONT_MATTER_OPEN.with(), Msg.FRONT_MATTER_OPEN_FIX.with());
            return Optional.empty();
        }
        int bodyStart = text.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        Node root = yaml.read(text.substring(4, end), file, 1, problems);
        if (root == null) return Optional.empty();
        Optional<Fields> fields = Fields.of(root, problems, Msg.IN_FRONT_MATTER.with());
        if (fields.isEmpty()) return Optional.empty();
        Fields f = fields.get();
        var title = f.requiredString("title", "…");
        // The report's prose may leave its date out: it is the meeting's (ContentLoader puts it in).
        boolean undated = slug.equals("report") && !f.has("date");
        var date = undated ? Optional.<java.time.LocalDate>empty() : f.requiredDate("date");
        var summary = f.string("summary").orElse("");
        var byline = f.node("byline").flatMap(n -> byline(n, problems)).orElse(Article.Byline.NONE).withEditor(names(f, "editor"));
        Article.Source reprinted = f.node("source").flatMap(n -> source(n, f)).orElse(null);
        var tags = f.list("tags", f::scalarText);
        List<String> tagIds = tagIds(f, problems);
        boolean draft = f.bool("draft").orElse(false);
        var publishAt = f.instant("publish", zone).orElse(null);
        boolean featured = f.bool("featured").orElse(false);
        f.finish();
        if (body.isBlank()) {
            problems.error(new Position(file, line + 1, 1), Msg.NO_ARTICLE_TEXT.with(), Msg.NO_ARTICLE_TEXT_FIX.with());
            return Optional.empty();
        }
        if (title.isEmpty() || (date.isEmpty() && !undated)) return Optional.empty();
        Markdown.Html html = markdown.read(body, file, line + 1, problems);
        if (html == null) return Optional.empty();
        Position dateAt = f.node("date").map(Node::at).orElse(new Position(file, 1, 1));
        return Optional.of(new Article(slug, language, file, title.get(), date.orElse(null), summary, byline, tags, html.html(), html.images(), dateAt,
                draft, publishAt, featured, tagIds, html.links(), reprinted));
    }

    /** The declared tags the article names (by id or by a name in any language); an undeclared one is a warning. */
    private List<String> tagIds(Fields f, Problems problems) {
        List<String> ids = new java.util.ArrayList<>();
        if (!(f.node("tags").orElse(null) instanceof Node.SeqNode seq)) return ids;
        for (Node item : seq.items()) {
            if (!(item instanceof Node.Scalar s) || s.isNull()) continue;
            String text = s.text().strip();
            Optional<String> id = tagList.resolve(text);
            if (id.isPresent()) {
                if (!ids.contains(id.get())) ids.add(id.get());
            } else if (tagList.declared()) {
                String near = tagList.nearest(text);
                problems.warning(item.at(), Msg.TAG_UNDECLARED.with(text, Tags.FILE),
                        near != null ? Msg.TAG_UNDECLARED_NEAR_FIX.with(near) : Msg.TAG_UNDECLARED_FIX.with());
            }
        }
        return ids;
    }

    private Optional<Article.Byline> byline(Node n, Problems problems) {
        return Fields.of(n, problems, Msg.PART.with("byline")).map(f -> {
            var reporter = names(f, "reporter");
            var correspondent = names(f, "correspondent");
            var photographer = names(f, "photographer");
            f.finish();
            return new Article.Byline(reporter, correspondent, photographer, List.of());
        });
    }

    /** {@code source: 河南日报}, or {@code source: {name: 河南日报, url: https://…}}: a reprint's origin. */
    private Optional<Article.Source> source(Node n, Fields parent) {
        if (n instanceof Node.Scalar) return parent.scalarText(n).map(String::strip).filter(s -> !s.isEmpty()).map(s -> new Article.Source(s, null));
        return Fields.of(n, parent.problems(), Msg.PART.with("source")).flatMap(f -> {
            Optional<String> name = f.requiredString("name", "河南日报");
            String url = f.string("url").map(String::strip).orElse(null);
            f.finish();
            if (url != null && !(url.matches("(?i)https?://\\S+") && SafeUrl.allowed(url))) {
                parent.problems().error(f.node("url").get().at(), Msg.SOURCE_URL.with(url), Msg.SOURCE_URL_FIX.with());
                url = null;
            }
            String checked = url;
            return name.map(s -> new Article.Source(s.strip(), checked));
        });
    }

    /** A name or a list of names. */
    private List<String> names(Fields f, String key) {
        Optional<Node> n = f.node(key);
        if (n.isPresent() && n.get() instanceof Node.Scalar) {
            return f.scalarText(n.get()).map(List::of).orElse(List.of());
        }
        return f.list(key, f::scalarText);
    }
}
