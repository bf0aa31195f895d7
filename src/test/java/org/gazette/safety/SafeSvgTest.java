package org.gazette.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gazette.Generated;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * An SVG is published only as {@link SafeSvg} writes it: every attack an attacker would write is
 * refused with its position, and — the rule, over generated drawings — whatever is published holds
 * nothing a browser runs or loads, read back the way a browser's XML parser reads it.
 */
class SafeSvgTest {

    private static final String NS = "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    private static SafeSvg.Result clean(String svg) {
        return SafeSvg.clean(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theIssuesSvgIsRefusedAtItsLineAndColumn() {
        var r = clean("<svg xmlns=\"http://www.w3.org/2000/svg\"\n onload=\"alert(document.domain)\"><script>alert(1)</script></svg>");
        assertFalse(r.ok());
        assertEquals(2, r.refusal().line());
        assertTrue(r.refusal().message().contains("onload"), r.refusal().message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<svg NS><script>alert(1)</script></svg>",
            "<svg NS><g><script xlink:href=\"https://evil.example/x.js\"/></g></svg>",
            "<svg NS onLoad=\"alert(1)\"/>",
            "<svg NS><rect ONCLICK=\"alert(1)\" width=\"1\" height=\"1\"/></svg>",
            "<svg NS><rect onmouseover = 'alert(1)'/></svg>",
            "<svg NS><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\"JaVaScRiPt:alert(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\"&#106;avascript:alert(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\"java&#x09;script:alert(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\"javascript&#58;alert(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\"%6Aavascript:alert(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\" &#x20;vbscript:msgbox(1)\"><text>x</text></a></svg>",
            "<svg NS><a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"><text>x</text></a></svg>",
            "<svg NS><foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></body></foreignObject></svg>",
            "<svg NS><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>",
            "<svg NS><h:iframe xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"javascript:alert(1)\"/></svg>",
            "<svg NS><a><animate attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>",
            "<svg NS><a><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>",
            "<svg NS><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
            "<svg NS><animate attributeName=\"Style\" to=\"x\"/></svg>",
            "<svg NS><use href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x\"/></svg>",
            "<svg NS><use xlink:href=\"https://evil.example/sprite.svg#a\"/></svg>",
            "<svg NS><use href=\"other.svg#a\"/></svg>",
            "<svg NS><image href=\"https://tracker.example/pixel.png\"/></svg>",
            "<svg NS><image href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/></svg>",
            "<svg NS><feImage href=\"https://evil.example/x.png\"/></svg>",
            "<svg NS><rect fill=\"url(https://evil.example/p.svg#g)\"/></svg>",
            "<svg NS><rect style=\"fill: URL( 'https://evil.example/p.svg#g' )\"/></svg>",
            "<svg NS><style>@import url(https://evil.example/x.css);</style></svg>",
            "<svg NS><style>@IMPORT 'x.css';</style></svg>",
            "<svg NS><style>rect { fill: u\\72 l(https://evil.example/) }</style></svg>",
            "<svg NS><style>rect { background: url(javascript:alert(1)) }</style></svg>",
            "<?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?><svg NS/>",
            "<?XML-STYLESHEET type=\"text/css\" href=\"evil.css\"?><svg NS/>",
            "<svg NS><handler type=\"application/ecmascript\">alert(1)</handler></svg>",
            "<svg NS><iframe src=\"x\"/></svg>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>",
            "<svg><script>alert(1)</script></svg>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg NS><text>&x;</text><script/></svg>",
            "not xml at all <svg>",
    })
    void attacksAreRefused(String svg) {
        var r = clean(svg.replace("NS", NS));
        assertFalse(r.ok(), "published: " + svg);
        assertNotNull(r.refusal().message());
        assertFalse(r.refusal().message().isBlank());
    }

    @Test
    void aDrawingFromAnEditorIsPublishedWithoutItsEditorData() {
        String inkscape = """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!-- Created with Inkscape (http://www.inkscape.org/) -->
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
                     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="210mm" height="297mm" viewBox="0 0 210 297" inkscape:version="1.2">
                  <sodipodi:namedview id="base" pagecolor="#ffffff"/>
                  <metadata><rdf:RDF><rdf:Description>x</rdf:Description></rdf:RDF></metadata>
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>
                  <g inkscape:label="Layer 1" inkscape:groupmode="layer" data-name="x">
                    <rect x="10" y="10" width="50" height="20" fill="url(#g)" style="stroke:#000;stroke-width:0.5"/>
                    <text x="12" y="25" xml:space="preserve" font-family="sans-serif">管城区 &amp; 2017 &lt;图&gt;</text>
                    <use xlink:href="#g"/>
                    <a href="https://www.zhengzhou.gov.cn/"><circle cx="5" cy="5" r="4"/></a>
                    <image width="4" height="4" href="data:image/png;base64,iVBORw0KGgo="/>
                  </g>
                </svg>
                """;
        var r = clean(inkscape);
        assertTrue(r.ok(), () -> r.refusal().toString());
        Document doc = Jsoup.parse(new String(r.svg(), StandardCharsets.UTF_8), "", Parser.xmlParser());
        Element svg = doc.selectFirst("svg");
        assertNotNull(svg);
        assertEquals("http://www.w3.org/2000/svg", svg.attr("xmlns"));
        assertEquals("0 0 210 297", svg.attr("viewBox"));
        assertNull(doc.selectFirst("metadata"), "editor metadata left out");
        assertTrue(doc.getElementsByTag("sodipodi:namedview").isEmpty());
        assertFalse(doc.selectFirst("g").hasAttr("inkscape:label"));
        assertFalse(doc.selectFirst("g").hasAttr("data-name"));
        assertEquals("管城区 & 2017 <图>", doc.selectFirst("text").text(), "the drawing's text is kept, escaped");
        assertEquals("url(#g)", doc.selectFirst("rect").attr("fill"));
        assertEquals("#g", doc.selectFirst("use").attr("xlink:href"));
        assertEquals("https://www.zhengzhou.gov.cn/", doc.selectFirst("a").attr("href"));
        assertTrue(doc.selectFirst("image").attr("href").startsWith("data:image/png;base64,"));
    }

    @Test
    void aStyleSheetOfLocalReferencesIsKeptAndEscaped() {
        var r = clean("<svg " + NS + "><style>g > rect { fill: url(#g) } .a{stroke:red}</style><rect class=\"a\"/></svg>");
        assertTrue(r.ok(), () -> r.refusal().toString());
        Document doc = Jsoup.parse(new String(r.svg(), StandardCharsets.UTF_8), "", Parser.xmlParser());
        assertEquals("g > rect { fill: url(#g) } .a{stroke:red}", doc.selectFirst("style").text());
    }

    // ---- the rule, over generated drawings ----

    private static final List<String> ELEMENTS = List.of("g", "rect", "a", "text", "use", "image", "script", "SCRIPT", "Script",
            "foreignObject", "foreignobject", "animate", "set", "style", "h:script", "h:body", "feImage", "iframe", "handler", "x:foo",
            "metadata", "path");
    private static final List<String> NAMES = List.of("fill", "href", "xlink:href", "HREF", "onload", "onLoad", "ONCLICK", "onbegin",
            "style", "attributeName", "to", "values", "x", "id", "class", "d", "x:onload", "xml:base", "data-x", "src", "formaction");
    private static final List<String> VALUES = List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
            "java&#9;script:x", "&#x6A;&#x61;vascript:x", "%6A%61vascript:x", "%256Aavascript:x", "data:text/html,x", "data:image/svg+xml,x",
            "vbscript:x", "https://evil.example/x", "//evil.example/x", "#g", "url(#g)", "url(http://e.example/x)", "url( 'javascript:x' )",
            "u\\rl(http://e.example/)", "@import 'x.css'", "href", "onclick", "xlink:href", "alert(1)", "red", "10", "&lt;script&gt;",
            "data:image/png;base64,iVBORw0KGgo=", "expression(alert(1))", "behavior: url(x.htc)", "https://www.gov.cn/");

    /** A drawing of nested pieces, harmless and hostile, in every case mix an attacker tries. */
    static String drawing(Random r) {
        StringBuilder sb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " xmlns:h=\"http://www.w3.org/1999/xhtml\" xmlns:x=\"urn:x\">");
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        for (int n = r.nextInt(7); n > 0; n--) {
            String e = Generated.pick(r, ELEMENTS);
            List<String> as = new java.util.ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) as.add(" " + Generated.pick(r, NAMES) + "=\"" + Generated.pick(r, VALUES) + "\"");
            sb.append('<').append(e).append(String.join("", uniqueNames(as))).append('>');
            open.push(e);
        }
        sb.append('t');
        while (!open.isEmpty()) sb.append("</").append(open.pop()).append('>');
        return sb.append("</svg>").toString();
    }

    private static List<String> uniqueNames(List<String> attributes) {
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String a : attributes) byName.putIfAbsent(a.substring(1, a.indexOf('=')).toLowerCase(Locale.ROOT), a);
        return List.copyOf(byName.values());
    }

    @Test
    void nothingPublishedRunsOrLoads() {
        Generated.check(20_000, SafeSvgTest::drawing, SafeSvgTest::published);
    }

    private static void published(String svg) {
        var r = clean(svg);
        if (!r.ok()) {
            assertTrue(r.refusal().line() >= 0 && !r.refusal().message().isBlank());
            return;
        }
        String out = new String(r.svg(), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(out, "", Parser.xmlParser());
        for (Element e : doc.getAllElements()) {
            String tag = e.tagName().toLowerCase(Locale.ROOT);
            if (tag.equals("#root")) continue;
            assertFalse(tag.contains("script") || tag.contains("foreignobject") || tag.contains(":") || tag.equals("iframe") || tag.equals("handler"),
                    "element <" + tag + "> published from " + svg);
            for (var a : e.attributes()) {
                String n = a.getKey().toLowerCase(Locale.ROOT);
                String v = a.getValue();
                assertFalse(n.startsWith("on") || n.contains(":on") || n.equals("xml:base") || n.equals("src"), n + " published from " + svg);
                if (n.endsWith("href")) {
                    boolean local = v.startsWith("#") || v.startsWith("data:image/png;base64,");
                    assertTrue(local || (e.tagName().equals("a") && SafeUrl.allowed(v)), "href '" + v + "' published from " + svg);
                }
                if (n.equals("attributename")) assertFalse(v.toLowerCase(Locale.ROOT).matches(".*(href|^on.*|style)"), svg);
                if (n.endsWith("href")) continue; // a link's address: checked above
                String lower = v.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                assertFalse(lower.contains("url(") && !lower.matches(".*url\\(['\"]?#.*"), "reference '" + v + "' published from " + svg);
                assertFalse(lower.contains("\\") || lower.contains("@import") || lower.contains("expression("), "style '" + v + "' published from " + svg);
            }
        }
        // What is published is itself accepted as it is: cleaning is a fixed point.
        var again = SafeSvg.clean(r.svg());
        assertTrue(again.ok());
        assertEquals(out, new String(again.svg(), StandardCharsets.UTF_8));
    }
}
