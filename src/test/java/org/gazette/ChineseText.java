package org.gazette;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader of Gazette's Chinese output would call "left in English": a run of three or more
 * English words outside quotation marks. Quoted text is the user's own (a name, a value) or a
 * program's report quoted as such; single technical words (YAML, SVG, a field name, an option) are
 * what the office types, and stay.
 */
public final class ChineseText {

    private ChineseText() {}

    /** The position a problem line starts with: {@code path:line:column: }. */
    public static final Pattern POSITION = Pattern.compile("^\\S*?(?::\\d+){0,2}: ");

    private static final Pattern QUOTED = Pattern.compile("“[^”]*”|‘[^’]*’|'[^']*'|\"[^\"]*\"|`[^`]*`|<[^>]*>|\\{[^}]*\\}|\\[[^\\]]*\\]");
    private static final Pattern TECHNICAL = Pattern.compile("\\S*[/._=@#\\\\:+]\\S*|--\\S+|\\S*\\d\\S*");
    private static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z]+(?:[ ,;]+[A-Za-z]+){2,}\\b");

    /** The English word runs left in {@code line} once quoted and technical text is set aside. */
    public static List<String> englishIn(String line) {
        String s = POSITION.matcher(line).replaceFirst("");
        s = QUOTED.matcher(s).replaceAll(" ");
        s = TECHNICAL.matcher(s).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = SENTENCE.matcher(s);
        while (m.find()) found.add(m.group());
        return found;
    }
}
