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
import org.gazette.problem.Position;
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
            throw new GazetteException(Position.of(name).error("'" + name + "' cannot be an article's name",
                    "use lower-case letters, digits and hyphens, e.g. spring-planting (it becomes the page's address)"));
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
                        "already exists; nothing was written", "choose another name, or edit the existing article"));
            }
        }
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < files.size(); i++) {
                Language lang = site.languages().get(i);
                Files.writeString(files.get(i), frontMatter(lang, name, today), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new GazetteException(Position.of(folder.toString()).error("cannot write: " + e.getMessage(),
                    "check the content folder exists and can be written"));
        }
        return files;
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
                + (zh ? "# 写好后删除下一行，文章才会发布。\n" : "# Remove the next line when the article may be published.\n")
                + "draft: true\n"
                + "---\n\n"
                + (zh ? "（正文）\n" : "(Text.)\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
