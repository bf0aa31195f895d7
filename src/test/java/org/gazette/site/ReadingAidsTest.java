package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gazette.BrowserScripts;
import org.gazette.PdfText;
import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reading aids (适老化 / 无障碍, assets/reading.js) worked in headless Chromium as a reader works
 * them (tools/a11y/reading.mjs), each measured from computed styles: text size to 200 % with line
 * height ≥ 1.3 and paragraphs ≥ 1.3 lines apart and nothing cut or scrolling sideways at 1280 px
 * (WCAG 1.4.4, MIIT's 适老化 rules); high contrast ≥ 7:1 for text and links, links underlined
 * (WCAG 1.4.6); the large cursor; the reading guide at the pointer; the plain view; settings kept
 * across pages, served and from disk; every control reached by Tab with a visible focus ring and
 * worked by Enter or Space; read aloud speaking the article sentence by sentence in the page's
 * language, the sentence highlighted, pause and resume, the selection alone, and saying so when the
 * browser has no voice; axe clean in every mode.
 */
class ReadingAidsTest {

    @Test
    void everyControlDoesWhatItSaysInBothLanguages(@TempDir Path tmp) throws Exception {
        BrowserScripts.requireChromium();
        Path out = tmp.resolve("out");
        var built = TestSites.build(TestSites.CONTENT, out);
        assertTrue(built.ok());
        List<JsonNode> seen = BrowserScripts.run("reading.mjs", List.of(out.toString()), 240);

        for (String lang : List.of("zh", "en")) {
            JsonNode base = one(seen, "default", lang);
            double size = base.get("fontSize").asDouble();
            assertEquals(16.0, size, 0.01, "the article's text at 16 px to begin with");
            assertEquals(0, base.get("axe").size(), base.get("axe")::toString);

            // Keyboard: the skip link, the reading aids' button, then every control, each with a visible ring.
            List<String> reached = new ArrayList<>();
            for (JsonNode f : one(seen, "keyboard", lang).get("focusOrder")) {
                assertTrue(f.get("ring").asBoolean(), lang + ": no visible focus on " + f.get("text"));
                reached.add(f.get("text").asText());
            }
            assertEquals(lang.equals("zh") ? "无障碍阅读" : "Reading aids", reached.get(1), reached::toString);
            List<String> controls = lang.equals("zh") ? List.of("小", "中", "大", "特大", "高对比度", "大鼠标", "阅读线", "朗读", "纯文本", "打印", "重置")
                    : List.of("Normal", "Large", "Larger", "Largest", "High contrast", "Large cursor", "Reading guide", "Read aloud", "Plain text", "Print", "Reset");
            assertEquals(controls, reached.subList(2, 2 + controls.size()), "every control in order, by Tab alone");

            // Text size, chosen by Space on the focused button: the text grows by the step; lines and paragraphs
            // further apart; at 200 % nothing cut off and no sideways scrolling at 1280 px.
            for (JsonNode s : all(seen, "size", lang)) {
                double step = s.get("size").asDouble() / 100;
                String where = lang + " at " + s.get("size").asText() + " %";
                assertEquals(size * step, s.get("fontSize").asDouble(), 0.5, where);
                assertTrue(s.get("lineHeight").asDouble() >= 1.3 * s.get("fontSize").asDouble(), where + ": line height");
                assertTrue(s.get("paragraphGap").asDouble() >= 1.3 * s.get("lineHeight").asDouble(), where + ": paragraph spacing");
                assertFalse(s.get("scrollsSideways").asBoolean(), where + " scrolls sideways");
                assertEquals(0, s.get("cut").size(), where + ": cut " + s.get("cut"));
                assertEquals(0, s.get("axe").size(), s.get("axe")::toString);
            }
            assertEquals(3, all(seen, "size", lang).size());

            JsonNode contrast = one(seen, "contrast", lang);
            assertTrue(contrast.get("textContrast").asDouble() >= 7, "text " + contrast.get("textContrast"));
            assertTrue(contrast.get("linkContrast").asDouble() >= 7, "links " + contrast.get("linkContrast"));
            assertTrue(contrast.get("linkUnderlined").asBoolean(), "links told apart without colour");
            assertTrue(base.get("textContrast").asDouble() < 21, "the default scheme is not already the high-contrast one");
            assertEquals(0, contrast.get("axe").size(), contrast.get("axe")::toString);

            JsonNode cursor = one(seen, "cursor-guide", lang);
            assertTrue(cursor.get("cursor").asText().startsWith("url(\"data:image/svg+xml"), cursor.get("cursor").asText());
            assertTrue(cursor.get("linkCursor").asText().startsWith("url(\"data:image/svg+xml"), "a large hand over links too");
            assertTrue(base.get("cursor").asText().equals("auto"));
            assertTrue(cursor.get("guideShown").asBoolean());
            assertEquals(cursor.get("mouseY").asDouble() - 2, cursor.get("guideTop").asDouble(), 1.0, "the guide follows the pointer");
            assertEquals(0, cursor.get("axe").size(), cursor.get("axe")::toString);

            JsonNode plain = one(seen, "plain", lang);
            assertFalse(plain.get("mastheadShown").asBoolean(), "no layout around the text");
            assertTrue(plain.get("fontSize").asDouble() >= 1.3 * size, "large type: " + plain.get("fontSize"));
            assertEquals(0, plain.get("axe").size(), plain.get("axe")::toString);

            // Remembered: larger text and high contrast on the next page, reached by a link.
            JsonNode kept = one(seen, "persisted", lang);
            assertEquals(lang + "/archive.html", kept.get("url").asText());
            assertEquals(24.0, kept.get("rootFontSize").asDouble(), 0.01);
            assertTrue(kept.get("textContrast").asDouble() >= 7);

            // Read aloud: the article, sentence by sentence, in the page's language, the sentence highlighted.
            JsonNode speech = one(seen, "speech", lang);
            JsonNode first = speech.get("first");
            assertEquals(lang.equals("zh") ? "zh-CN" : "en-GB", first.get("lang").asText());
            assertEquals(lang.equals("zh") ? "Chinese" : "English", first.get("voice").asText(), "a voice of the page's language");
            assertEquals(first.get("text").asText(), first.get("highlighted").asText(), "the sentence being read is highlighted");
            assertEquals(lang.equals("zh") ? "暂停" : "Pause", first.get("button").asText());
            assertTrue(speech.get("paused").get("calls").toString().contains("pause"));
            assertEquals(lang.equals("zh") ? "继续" : "Resume", speech.get("paused").get("button").asText());
            StringBuilder spoken = new StringBuilder();
            for (JsonNode s : speech.get("spoken")) spoken.append(s.asText());
            assertEquals(PdfText.withoutWhitespace(speech.get("article").asText()), PdfText.withoutWhitespace(spoken.toString()),
                    "every word of the article is read, once, in order");
            assertTrue(speech.get("spoken").size() > 20, "in sentences, not one long utterance");
            assertEquals(lang.equals("zh") ? "朗读完毕。" : "Finished reading.", speech.get("status").asText());
            assertEquals(PdfText.withoutWhitespace(speech.get("selected").get("paragraph").asText()),
                    PdfText.withoutWhitespace(speech.get("selected").get("spoken").asText()), "a selection is read alone");
            assertEquals(0, speech.get("axe").size(), speech.get("axe")::toString);
        }
        // 【字号：大 中 小】 on a Chinese article works the same setting as the toolbar.
        JsonNode inline = one(seen, "inline-size", "zh");
        assertEquals(24.0, inline.get("rootFontSize").asDouble(), 0.01);
        assertEquals("[\"true\",\"true\"]", inline.get("pressed").toString(), "both 大 buttons show it is chosen");
        // No voice for Chinese: the control says so, nothing is spoken.
        JsonNode noVoice = one(seen, "no-voice", null);
        assertTrue(noVoice.get("status").asText().contains("没有中文朗读语音"), noVoice.toString());
        assertEquals(0, noVoice.get("spoken").asInt());
        // The largest text at 390 and 1280 px on every kind of page: nothing cut off, no sideways scrolling.
        List<JsonNode> largest = all(seen, "largest", null);
        assertEquals(18, largest.size());
        for (JsonNode l : largest) {
            String where = l.get("path").asText() + " at " + l.get("width").asInt() + " px, 200 %";
            assertEquals(32.0, l.get("rootFontSize").asDouble(), 0.01, where);
            assertFalse(l.get("scrollsSideways").asBoolean(), where + " scrolls sideways");
            assertEquals(0, l.get("cut").size(), where + ": cut " + l.get("cut"));
        }
        // From disk (file://): the setting follows the reader from one file to the next.
        JsonNode disk = one(seen, "disk", null);
        assertEquals(32.0, disk.get("rootFontSize").asDouble(), 0.01);
        // The bulletin does not carry any of it.
        for (String lang : List.of("zh", "en")) {
            String pdf = PdfText.poppler(built.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf"));
            assertFalse(pdf.contains("无障碍阅读") || pdf.contains("Reading aids") || pdf.contains("字号"), lang);
        }
    }

    private static List<JsonNode> all(List<JsonNode> seen, String check, String lang) {
        return seen.stream().filter(s -> s.get("check").asText().equals(check) && (lang == null || s.path("lang").asText().equals(lang))).toList();
    }

    private static JsonNode one(List<JsonNode> seen, String check, String lang) {
        List<JsonNode> found = all(seen, check, lang);
        assertEquals(1, found.size(), check + " " + lang + ": " + found);
        return found.get(0);
    }
}
