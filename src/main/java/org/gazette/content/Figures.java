package org.gazette.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers a text's images and tables, so that on paper, where the alt text is lost, each has a
 * caption: an image alone in its paragraph becomes {@code <figure>} with a {@code <figcaption>}
 * (its title, {@code ![alt](photo.jpg "caption")}, or else its alt text); a table gets its caption
 * ({@code [caption]} on the line after it) first, where HTML wants it. Numbers count per text, images
 * and tables apart (图1, 图2 …; 表1 …). The label is left as an empty {@code <span data-figure="N">}
 * for the page's language to fill ({@code Localizer.captions}): interface words are the templates'.
 * Works on the HTML of Gazette's own writers (raw HTML in Markdown is escaped, so no text can fake it).
 */
public final class Figures {

    private Figures() {}

    /** An image alone in its paragraph, matched where such a line starts (a multi-line {@code ^} would be tried at every character). */
    private static final Pattern IMAGE_PARAGRAPH = Pattern.compile(
            "<p><img src=\"([^\"]*)\" alt=\"([^\"]*)\"(?: title=\"([^\"]*)\")? /></p>(?=\n|$)");
    private static final String IMAGE_START = "<p><img ";
    private static final Pattern TABLE = Pattern.compile("(?s)<table class=\"data\">\n(.*?)</table>\n");
    private static final Pattern CAPTION = Pattern.compile("(?s)<caption>(.*?)</caption>\n");

    public static String number(String html) {
        if (!html.contains("<img") && !html.contains("<table")) return html;
        StringBuilder out = new StringBuilder(html.length() + 256);
        Matcher m = IMAGE_PARAGRAPH.matcher(html);
        int figures = 0;
        int last = 0;
        for (int at = html.indexOf(IMAGE_START); at >= 0; at = html.indexOf(IMAGE_START, Math.max(at + 1, last))) {
            if (at > 0 && html.charAt(at - 1) != '\n') continue;
            if (!m.region(at, html.length()).lookingAt()) continue;
            String caption = m.group(3) != null && !m.group(3).isBlank() ? m.group(3) : m.group(2);
            if (caption.isBlank()) continue; // a decorative image (empty alt) is no figure
            figures++;
            out.append(html, last, m.start());
            out.append("<figure class=\"figure\" id=\"fig-").append(figures).append("\"><img src=\"").append(m.group(1))
                    .append("\" alt=\"").append(m.group(2)).append("\" /><figcaption><span class=\"caption-label\" data-figure=\"")
                    .append(figures).append("\"></span> ").append(caption).append("</figcaption></figure>");
            last = m.end();
        }
        out.append(html, last, html.length());
        String withFigures = out.toString();
        out.setLength(0);
        Matcher t = TABLE.matcher(withFigures);
        int tables = 0;
        last = 0;
        while (t.find()) {
            tables++;
            String body = t.group(1);
            Matcher c = CAPTION.matcher(body);
            String caption = "";
            if (c.find()) {
                caption = " " + c.group(1);
                body = body.substring(0, c.start()) + body.substring(c.end());
            }
            out.append(withFigures, last, t.start());
            out.append("<table class=\"data\" id=\"tab-").append(tables).append("\">\n<caption><span class=\"caption-label\" data-table=\"")
                    .append(tables).append("\"></span>").append(caption).append("</caption>\n").append(body).append("</table>\n");
            last = t.end();
        }
        out.append(withFigures, last, withFigures.length());
        return out.toString();
    }
}
