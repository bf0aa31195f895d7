package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The CommonMark spec's 652 examples as a reference corpus (generated documents missed what they
 * find): on each, Gazette's fast HTML writer must write byte for byte what flexmark's renderer
 * writes from the same tree, and publish no address SafeUrl refuses.
 */
class MarkdownSpecTest {

    record Example(int number, String section, String markdown) {}

    static List<Example> examples() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/commonmark/spec-0.31.2.txt"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        int end = text.indexOf("<!-- END TESTS -->");
        if (end >= 0) text = text.substring(0, end);
        Pattern p = Pattern.compile("^`{32} example\\n([\\s\\S]*?)^\\.\\n([\\s\\S]*?)^`{32}$|^#{1,6} *(.*)$", Pattern.MULTILINE);
        Matcher m = p.matcher(text);
        List<Example> out = new ArrayList<>();
        String section = "";
        while (m.find()) {
            if (m.group(3) != null) section = m.group(3);
            else out.add(new Example(out.size() + 1, section, m.group(1).replace('\u2192', '\t')));
        }
        return out;
    }

    @Test
    void theFastWriterWritesWhatFlexmarkWritesOnEverySpecExample() throws IOException {
        List<Example> all = examples();
        assertEquals(652, all.size(), "the spec's examples");
        Markdown md = MarkdownDifferentialTest.MARKDOWN;
        List<String> differ = new ArrayList<>();
        int fast = 0;
        for (Example e : all) {
            var doc = md.parse(e.markdown());
            LinkFilter.apply(doc);
            String expected = md.renderWithFlexmark(doc);
            String got = md.render(doc);
            if (md.renderFast(doc) != null) fast++;
            if (!expected.equals(got)) {
                differ.add("example " + e.number() + " (" + e.section() + "):\n" + e.markdown() + "--- flexmark:\n" + expected + "--- fast:\n" + got);
            }
            MarkdownDifferentialTest.assertNoUnsafeAddress(got, e.markdown());
        }
        assertTrue(differ.isEmpty(), differ.size() + " examples differ:\n\n" + String.join("\n\n", differ.subList(0, Math.min(40, differ.size()))));
        assertTrue(fast > 400, "the fast writer wrote " + fast + " of 652");
    }
}
