package org.gazette.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.gazette.config.SiteConfig;
import org.gazette.config.SiteConfigLoader;
import org.gazette.i18n.Language;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Lang;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.yaml.YamlReader;

/**
 * {@code gazette new article <name>}: a new article in every language of the site, dated today in
 * the site's time zone, with the front matter to fill and {@code draft: true}, so nothing goes out
 * before the office says so. Writes nothing if any of the files exists.
 */
public final class NewText {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private NewText() {}

    /** Writes the article's files and returns them; problems (bad name, existing files, no site.yaml) are thrown. */
    public static List<Path> article(Path content, String name, Instant now) {
        if (!NAME.matcher(name).matches()) {
            throw new GazetteException(Position.of(name).error(Msg.BAD_ARTICLE_NAME.with(name), Msg.BAD_ARTICLE_NAME_FIX.with()));
        }
        Problems problems = new Problems();
        SiteConfig site = SiteConfigLoader.load(content, new YamlReader(), problems).orElse(null);
        if (site == null || problems.hasErrors()) throw new GazetteException(problems.sorted());
        LocalDate today = now.atZone(site.timeZone()).toLocalDate();
        Path folder = content.resolve(String.valueOf(today.getYear())).resolve("news");
        List<Path> files = new ArrayList<>();
        for (Language lang : site.languages()) files.add(folder.resolve(name + "." + lang.code() + ".md"));
        for (Path f : files) {
            if (Files.exists(f)) {
                throw new GazetteException(Position.of(content.relativize(f).toString().replace('\\', '/')).error(
                        Msg.ALREADY_EXISTS.with(), Msg.ALREADY_EXISTS_ARTICLE_FIX.with()));
            }
        }
        try {
            Files.createDirectories(folder);
            staysInside(content, folder);
            for (int i = 0; i < files.size(); i++) {
                Language lang = site.languages().get(i);
                Files.writeString(files.get(i), frontMatter(lang, name, today), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new GazetteException(Position.of(folder.toString()).error(Msg.CANNOT_WRITE.with(Msg.reason(e)), Msg.CANNOT_WRITE_CONTENT_FIX.with()));
        }
        return files;
    }

    /** Refuses to write through a link (a year or news folder that is a link to elsewhere): what Gazette writes stays in the content folder. */
    private static void staysInside(Path content, Path folder) throws IOException {
        Path real = folder.toRealPath();
        if (!real.startsWith(content.toRealPath())) {
            String shown = content.relativize(folder).toString().replace('\\', '/');
            throw new GazetteException(Position.of(shown).error(Msg.LINK_OUTSIDE_FOLDER.with(real), Msg.LINK_OUTSIDE_FOLDER_FIX.with(shown)));
        }
    }

    /**
     * {@code gazette new year <YYYY>}: the year's report started from the latest earlier one — its
     * report.yaml with the same structure (figures with the same ids, labels and fields; their values
     * emptied, last year's kept beside them as comments; years in the texts moved on), and the
     * report's prose in every language as drafts to write. The drafts hold the whole report back, so
     * nothing of it is published until the office removes {@code draft: true}. Writes nothing if the
     * year already has a report, and nothing that the loader would not accept.
     */
    public static List<Path> year(Path content, int year, Instant now) {
        return year(content, year, now, Lang.EN);
    }

    /** As {@link #year(Path, int, Instant)}, with the report.yaml's comments in {@code lang}. */
    public static List<Path> year(Path content, int year, Instant now, Lang speaking) {
        if (year < 1949 || year > 2999) {
            throw new GazetteException(Position.of(String.valueOf(year)).error(Msg.NOT_A_YEAR.with(year), Msg.WRITE_LIKE.with("2018")));
        }
        Problems problems = new Problems();
        SiteConfig site = SiteConfigLoader.load(content, new YamlReader(), problems).orElse(null);
        if (site == null || problems.hasErrors()) throw new GazetteException(problems.sorted());
        Path folder = content.resolve(String.valueOf(year));
        List<Path> files = new ArrayList<>();
        files.add(folder.resolve(ContentLoader.REPORT));
        for (Language lang : site.languages()) files.add(folder.resolve("report." + lang.code() + ".md"));
        for (Path f : files) {
            if (Files.exists(f)) {
                throw new GazetteException(Position.of(content.relativize(f).toString().replace('\\', '/')).error(
                        Msg.ALREADY_EXISTS.with(), Msg.ALREADY_EXISTS_YEAR_FIX.with()));
            }
        }
        int previous = -1;
        for (int y = year - 1; y >= year - 30 && previous < 0; y--) {
            if (Files.isRegularFile(content.resolve(y + "/" + ContentLoader.REPORT))) previous = y;
        }
        if (previous < 0) {
            throw new GazetteException(Position.of(year + "/" + ContentLoader.REPORT).error(Msg.NO_EARLIER_YEAR.with(),
                    Msg.NO_EARLIER_YEAR_FIX.with(year + "/report.yaml")));
        }
        String before;
        try {
            before = Files.readString(content.resolve(previous + "/" + ContentLoader.REPORT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GazetteException(Position.of(previous + "/" + ContentLoader.REPORT).error(Msg.CANNOT_READ_FILE.with(Msg.reason(e)), Msg.CHECK_READABLE.with()));
        }
        LocalDate today = now.atZone(site.timeZone()).toLocalDate();
        try {
            Files.createDirectories(folder);
            staysInside(content, folder);
            Files.writeString(files.get(0), report(before, previous, year, speaking), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            for (int i = 0; i < site.languages().size(); i++) {
                Language lang = site.languages().get(i);
                Files.writeString(files.get(i + 1), prose(lang, today), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new GazetteException(Position.of(folder.toString()).error(Msg.CANNOT_WRITE.with(Msg.reason(e)), Msg.CANNOT_WRITE_CONTENT_FIX.with()));
        }
        // What was written must load (as the draft it is): otherwise take it back and say why.
        Problems check = new Problems();
        new ContentLoader(check, Publishing.live()).load(content);
        List<Problem> errors = check.sorted().stream()
                .filter(p -> p.isError() && p.file().startsWith(year + "/")).toList();
        if (!errors.isEmpty()) {
            for (Path f : files) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left for the office to remove; the errors say why
                }
            }
            throw new GazetteException(errors);
        }
        return files;
    }

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(\\d{4})(?![0-9])");
    private static final List<String> FIGURE_PARTS = List.of("target:", "overTarget:", "attainment:", "growth:", "rank:");
    /** Sections that say what happened last year: a new year keeps them only as comments, never as its own text. */
    private static final java.util.Set<String> REFERENCE_ONLY = java.util.Set.of("honours", "highlights", "followUp");

    /**
     * Last year's report.yaml for {@code year}: years in it moved on by the same step (2017 → 2018,
     * 2018 → 2019), each figure's value emptied and its other parts commented out, last year's kept
     * in the comments as a reminder of what was there.
     */
    static String report(String before, int previous, int year, Lang lang) {
        int step = year - previous;
        StringBuilder out = new StringBuilder();
        // The editor's schema line stays first, where editors look for it.
        if (before.startsWith("# yaml-language-server:")) {
            int nl = before.indexOf('\n');
            out.append(before, 0, nl + 1);
            before = before.substring(nl + 1);
        }
        for (String comment : Msg.NEW_YEAR_HEADER.with(year, previous).in(lang).split("\n")) out.append("# ").append(comment).append('\n');
        boolean inFigures = false;
        String section = "";
        int partIndent = -1;
        boolean kept = false; // whether this figure kept one part to fill (its value, else attainment, else rank)
        int commentIndent = -1; // inside a block kept as comments (meeting's theme, plans' items): its key's indent
        for (String line : before.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                inFigures = line.startsWith("figures:");
                section = line.substring(0, Math.max(0, line.indexOf(':')));
                commentIndent = -1;
                if (REFERENCE_ONLY.contains(section)) {
                    out.append("# ").append(Msg.NEW_YEAR_REFERENCE.with(previous, section, year).in(lang)).append('\n');
                }
            }
            String moved = line.startsWith("#") ? line : moveYears(line, previous, step);
            String stripped0 = line.stripLeading();
            int indent0 = line.length() - stripped0.length();
            if (REFERENCE_ONLY.contains(section)) {
                out.append(line.isBlank() ? "" : "# " + line).append('\n');
                continue;
            }
            if (commentIndent >= 0 && (line.isBlank() || indent0 > commentIndent)) {
                out.append(line.isBlank() ? "" : " ".repeat(commentIndent) + "# " + line.substring(commentIndent)).append('\n');
                continue;
            }
            commentIndent = -1;
            if (section.equals("summary") && indent0 > 0 && stripped0.matches("[a-z]{2,3}:.*")) {
                // A text to write again: its language, empty, and last year's beside it.
                int colon = stripped0.indexOf(':');
                String last = stripped0.substring(colon + 1).strip();
                out.append(" ".repeat(indent0)).append(stripped0, 0, colon + 1).append("    # ").append(previous).append(": ").append(last).append('\n');
                continue;
            }
            if (section.equals("meeting") && indent0 == 2 && stripped0.startsWith("date:")) {
                out.append("  date:             # ").append(previous).append(": ").append(stripped0.substring(5).strip())
                        .append(' ').append(Msg.NEW_YEAR_DATE.with().in(lang)).append('\n');
                continue;
            }
            if ((section.equals("meeting") && indent0 == 2 && stripped0.startsWith("theme:"))
                    || (section.equals("plans") && indent0 == 2 && stripped0.startsWith("items:"))) {
                out.append(" ".repeat(indent0)).append("# ").append(previous).append(": ").append(stripped0).append('\n');
                commentIndent = indent0;
                continue;
            }
            if (inFigures) {
                String stripped = line.stripLeading();
                int indent = line.length() - stripped.length();
                if (partIndent >= 0 && indent > partIndent && !stripped.isEmpty()) {
                    out.append(" ".repeat(indent)).append("# ").append(stripped).append('\n'); // inside a commented part (rank:)
                    continue;
                }
                partIndent = -1;
                if (stripped.startsWith("- ")) kept = false;
                String part = stripped.startsWith("value:") ? "value" : kept ? null
                        : stripped.startsWith("attainment:") ? "attainment" : stripped.startsWith("rank:") ? "rank" : null;
                if (part != null) {
                    String last = stripped.substring(part.length() + 1).strip();
                    out.append(" ".repeat(indent)).append(part).append(":            # ").append(previous).append(": ")
                            .append(last.isEmpty() ? Msg.NEW_YEAR_BELOW.with().in(lang) : last).append('\n');
                    kept = true;
                    if (last.isEmpty()) partIndent = indent; // a rank written as a block: its lines become comments
                    continue;
                }
                if (FIGURE_PARTS.stream().anyMatch(stripped::startsWith)) {
                    out.append(" ".repeat(indent)).append("# ").append(previous).append(": ").append(stripped).append('\n');
                    partIndent = indent;
                    continue;
                }
            }
            out.append(moved).append('\n');
        }
        String s = out.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }

    static String moveYears(String line, int previous, int step) {
        java.util.regex.Matcher m = YEAR.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            m.appendReplacement(sb, String.valueOf(y == previous || y == previous + 1 ? y + step : y));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String prose(Language lang, LocalDate today) {
        boolean zh = lang.code().equals("zh");
        return "---\n"
                + "title: " + (zh ? "（标题）" : "(Title)") + "\n"
                + (zh ? "# 日期取会议日期（report.yaml 的 meeting: date:）。\n" : "# The date is the meeting's (meeting: date: in report.yaml).\n")
                + "summary: \n"
                + (zh ? "# 报告写好、各项指标填齐后删除下一行，年度报告才会发布。\n" : "# Remove the next line when the report and its figures are complete.\n")
                + "draft: true\n"
                + "---\n\n"
                + (zh ? "（综述）\n" : "(Overview.)\n");
    }

    private static String frontMatter(Language lang, String name, LocalDate today) {
        boolean zh = lang.code().equals("zh");
        String title = zh ? "（标题）" : capitalised(name.replace('-', ' '));
        return "---\n"
                + "title: " + title + "\n"
                + "date: " + today + "\n"
                + "summary: \n"
                + "byline:\n"
                + "  reporter: []\n"
                + "  photographer: []\n"
                + "tags: []\n"
                + (zh ? "# 转载的稿件写明来源（可加原文网址）：source: {name: 河南日报, url: https://…}\n"
                        : "# A reprint names its source (and the original's address): source: {name: Henan Daily, url: https://…}\n")
                + (zh ? "# 责任编辑（可选）：editor: 姓名\n" : "# The editor in charge (optional): editor: Name\n")
                + (zh ? "# 写好后删除下一行，文章才会发布。\n" : "# Remove the next line when the article may be published.\n")
                + "draft: true\n"
                + "---\n\n"
                + (zh ? "（正文）\n" : "(Text.)\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
