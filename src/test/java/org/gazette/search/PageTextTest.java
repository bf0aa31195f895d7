package org.gazette.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void readsOnlyTheMarkedBodyLeavingOutWhatIsIgnored() {
        String html = """
                <html><head><title>Not this</title></head><body><nav>Menu</nav>
                <main data-search-body=""><h1>管城区召开<span>表彰</span>大会</h1>
                <p class="meta"><time datetime="2018-02-27">2018年2月27日</time></p>
                <nav class="toc" data-search-ignore=""><a href="#a">目录</a></nav>
                <p>共近<span class="nobr">300人</span>参加&amp;会议</p><ul><li>一</li><li>二</li></ul>
                <svg><title>图</title><text>105.06%</text></svg><script>var x = "<p>";</script>
                <!-- a comment <p> -->
                </main><footer>Footer</footer></body></html>""";
        PageText t = PageText.of(html);
        assertEquals("管城区召开表彰大会", t.title());
        assertEquals("2018-02-27", t.date());
        assertEquals("2018年2月27日 共近300人参加&会议 一 二", t.text());
    }

    @Test
    void aPageWithoutAMarkedBodyIsNoResult() {
        assertNull(PageText.of("<html><body><main><p>data-search-body</p></main></body></html>"));
    }

    @Test
    void characterReferencesAreDecoded() {
        assertEquals("a < b > c \" ' \u00a0 é 中 &bogus;", PageText.decode("a &lt; b &gt; c &quot; &apos; &nbsp; &#233; &#x4E2D; &bogus;", 0,
                "a &lt; b &gt; c &quot; &apos; &nbsp; &#233; &#x4E2D; &bogus;".length()));
    }
}
