package org.gazette.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one URL filter, tried the way an attacker writes. */
public class SafeUrlTest {

    /** Addresses that must never be published: every spelling of a script or data scheme a browser (or a sloppy one) would run. */
    public static final List<String> HOSTILE = List.of(
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "  javascript:alert(1)",
            "\u0001\u0008javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#9;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#X6a&#X61vascript:alert(1)",
            "&#0000106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3a;alert(1)",
            "&amp;#106;avascript:alert(1)",
            "%6Aavascript:alert(1)",
            "javascript%3Aalert(1)",
            "%256Aavascript:alert(1)",
            "java%09script:alert(1)",
            "java\u200Bscript:alert(1)",
            "java\u00ADscript:alert(1)",
            "\uFEFFjavascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "jar:http://x/!/",
            "livescript:alert(1)");

    static final List<String> FINE = List.of(
            "https://www.zhengzhou.gov.cn/news/1.html",
            "HTTP://Example.org/",
            "http://example.org/a:b",
            "mailto:office@example.gov.cn",
            "tel:+86-371-0000",
            "images/map.png",
            "../2017/index.html#figures",
            "#figures",
            "?page=2",
            "/zh/2017/",
            "news/2017-02-27:meeting.html",
            "地图.png",
            "https://example.org/search?q=javascript:x");

    @Test
    void refusesEverySpellingOfAScriptScheme() {
        for (String url : HOSTILE) assertFalse(SafeUrl.allowed(url), url);
    }

    @Test
    void allowsWebMailTelephoneAndRelativeAddresses() {
        for (String url : FINE) assertTrue(SafeUrl.allowed(url), url);
    }

    @Test
    void refusesWhatDecodingNeverSettles() {
        String url = "%" + "25".repeat(20) + "6Aavascript:alert(1)";
        assertFalse(SafeUrl.allowed(url));
        assertFalse(SafeUrl.allowed(null));
    }
}
