package org.gazette.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gazette.TestSites;

/**
 * Random edits of every kind a press officer (or a template maintainer) makes to a copy of the
 * sample: a text's body or title, a new text, one deleted or renamed, a figure, a template, the
 * interface strings, site.yaml, tags.yaml, units.yaml, a draft flag, a number stated differently in
 * one language, and a mistake fixed by the next edit. The tests of the preview's cache and of the
 * incremental build replay them from a seed and compare with a clean build.
 */
final class RandomEdits {

    /** What an edit did and the files it changed ('/'-separated, relative to the content folder). */
    record Edit(String kind, List<String> files) {
        Edit(String kind, String... files) {
            this(kind, List.of(files));
        }

        boolean mistake() {
            return kind.equals("mistake");
        }

        @Override
        public String toString() {
            return kind + " " + String.join(", ", files);
        }
    }

    private final Path content;
    private final Path templates;

    RandomEdits(Path content, Path templates) {
        this.content = content;
        this.templates = templates;
    }

    /** Edits of a copy of the sample and of Gazette's templates in {@code dir}, with {@code extraArticles} more texts in 2017. */
    static RandomEdits onSample(Path dir, int extraArticles) {
        Path templates = dir.resolve("templates");
        TestSites.copyTree(TestSites.TEMPLATES, templates);
        RandomEdits edits = new RandomEdits(TestSites.copyOfSample(dir), templates);
        for (int i = 0; i < extraArticles; i++) edits.article(2017, "story-" + i, 1 + i % 12, "Story " + i);
        return edits;
    }

    Path content() {
        return content;
    }

    Path templates() {
        return templates;
    }

    /** Writes a text in both languages. */
    void article(int year, String slug, int month, String title) {
        String date = String.format("%d-%02d-%02d", year, month, 1 + slug.length() % 27);
        TestSites.write(content.resolve(year + "/news/" + slug + ".zh.md"),
                "---\ntitle: " + title + "（中文）\ndate: " + date + "\ntags: [目标考核]\n---\n\n第一段，" + title + "。\n");
        TestSites.write(content.resolve(year + "/news/" + slug + ".en.md"),
                "---\ntitle: " + title + "\ndate: " + date + "\ntags: [target assessment]\n---\n\nFirst paragraph of " + title + ".\n");
    }

    /** Makes one random edit; returns what it did and the files it changed (content-relative). */
    Edit edit(Random r, int n) throws IOException {
        if (broken != null) {
            // The mistake of the edit before, fixed: the text written right again.
            Path fixed = broken;
            broken = null;
            TestSites.write(fixed, TestSites.read(fixed).replace("date: not-a-date", "date: " + brokenDate));
            return new Edit("fix", rel(fixed));
        }
        List<Path> texts = new ArrayList<>();
        try (var s = Files.walk(content)) {
            s.filter(p -> p.toString().endsWith(".md") && p.toString().contains("news")).sorted().forEach(texts::add);
        }
        Path text = texts.isEmpty() ? null : texts.get(r.nextInt(texts.size()));
        switch (r.nextInt(15)) {
            case 0, 1 -> {
                if (text == null) break;
                TestSites.write(text, TestSites.read(text) + "\nAdded paragraph " + n + ".\n");
                return new Edit("body", rel(text));
            }
            case 2 -> {
                if (text == null) break;
                TestSites.write(text, TestSites.read(text).replaceFirst("title: ", "title: Edited " + n + " "));
                return new Edit("title", rel(text));
            }
            case 3 -> {
                int year = r.nextBoolean() ? 2017 : 2018;
                article(year, "new-" + n, 1 + r.nextInt(12), "New story " + n);
                return new Edit("add", year + "/news/new-" + n + ".zh.md", year + "/news/new-" + n + ".en.md");
            }
            case 4 -> {
                if (text == null || text.getFileName().toString().startsWith("meeting")) break;
                Files.delete(text);
                return new Edit("delete", rel(text));
            }
            case 5 -> {
                Path report = content.resolve("2017/report.yaml");
                TestSites.write(report, TestSites.read(report).replaceFirst("attendance: 近\\d+人", "attendance: 近" + (200 + n) + "人"));
                return new Edit("figure", "2017/report.yaml");
            }
            case 6 -> {
                Path layout = templates.resolve(r.nextBoolean() ? "layout.ftlh" : "article.ftlh");
                TestSites.write(layout, TestSites.read(layout) + "<#-- edit " + n + " -->\n" + (r.nextBoolean() ? "" : ""));
                String t = TestSites.read(layout);
                if (layout.getFileName().toString().equals("article.ftlh")) {
                    TestSites.write(layout, t.replaceFirst("<p class=\"back\">", "<p class=\"back\" data-edit=\"" + n + "\">"));
                }
                return new Edit("template", "../templates/" + layout.getFileName());
            }
            case 7 -> {
                Path en = templates.resolve("i18n/en.yaml");
                TestSites.write(en, TestSites.read(en).replaceFirst("nav_home: .*", "nav_home: Home " + n));
                return new Edit("strings", "../templates/i18n/en.yaml");
            }
            case 8 -> {
                Path site = content.resolve("site.yaml");
                String s = TestSites.read(site).replaceAll("\nnews:\n  perPage: \\d+\n", "\n");
                TestSites.write(site, s + "\nnews:\n  perPage: " + (1 + r.nextInt(4)) + "\n");
                return new Edit("settings", "site.yaml");
            }
            case 9 -> {
                if (text == null) break;
                String t = TestSites.read(text);
                TestSites.write(text, t.contains("draft: true\n") ? t.replace("draft: true\n", "") : t.replaceFirst("---\n", "---\ndraft: true\n"));
                return new Edit("draft", rel(text));
            }
            case 11 -> {
                // A figure the English text states differently from the Chinese (a numbers warning), or agrees again:
                // the preview keeps the numbers check's findings until a text changes, and must say what a clean build says.
                Path en = content.resolve("2017/news/meeting.en.md");
                String t = TestSites.read(en);
                TestSites.write(en, t.contains("96.48%") ? t.replace("96.48%", "97.12%") : t.replace("97.12%", "96.48%"));
                return new Edit("number", "2017/news/meeting.en.md");
            }
            case 10 -> {
                // The office's own printed form of a unit: every page that prints yuan changes.
                TestSites.write(content.resolve("units.yaml"), "yuan:\n  en: \"RMB {n} (" + n + ")\"\n");
                return new Edit("units", "units.yaml");
            }
            case 12 -> {
                // A text moved to another name (both languages): its old pages go, new ones come.
                if (text == null || text.getFileName().toString().startsWith("meeting")) break;
                String name = text.getFileName().toString();
                String slug = name.substring(0, name.indexOf('.'));
                List<String> moved = new ArrayList<>();
                try (var s = Files.list(text.getParent())) {
                    for (Path p : s.filter(p -> p.getFileName().toString().startsWith(slug + ".")).sorted().toList()) {
                        Path to = p.resolveSibling("renamed-" + n + p.getFileName().toString().substring(slug.length()));
                        Files.move(p, to);
                        moved.add(rel(p));
                        moved.add(rel(to));
                    }
                }
                return new Edit("rename", moved.toArray(String[]::new));
            }
            case 13 -> {
                // A tag added to tags.yaml, or the one added before taken out again.
                Path tags = content.resolve("tags.yaml");
                String t = TestSites.read(tags);
                var added = java.util.regex.Pattern.compile("\nnew-tag-\\d+:\n  zh: [^\n]+\n  en: [^\n]+\n").matcher(t);
                TestSites.write(tags, added.find() ? added.replaceAll("\n") : t + "\nnew-tag-" + n + ":\n  zh: 新标签" + n + "\n  en: new tag " + n + "\n");
                return new Edit("tags", "tags.yaml");
            }
            default -> {
                if (text == null) break;
                // A mistake, fixed by the next edit.
                String t = TestSites.read(text);
                var m = java.util.regex.Pattern.compile("date: ([0-9-]+)").matcher(t);
                if (!m.find()) break;
                brokenDate = m.group(1);
                TestSites.write(text, t.replaceFirst("date: [0-9-]+", "date: not-a-date"));
                broken = text;
                return new Edit("mistake", rel(text));
            }
        }
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report) + "# touched " + n + "\n");
        return new Edit("comment", "2017/report.yaml");
    }

    private Path broken;
    private String brokenDate;

    private String rel(Path p) {
        return content.relativize(p).toString().replace('\\', '/');
    }

}
