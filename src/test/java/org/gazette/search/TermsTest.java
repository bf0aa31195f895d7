package org.gazette.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void traditionalCharactersAreReadAsSimplified() {
        assertEquals(Terms.of("乡村振兴"), Terms.of("鄉村振興"));
        assertEquals(Terms.of("发展经济"), Terms.of("發展經濟"));
        assertEquals("管城区", Terms.normalize("管城區"));
        assertEquals("resettlement 2017", Terms.normalize("Resettlement 2017"), "other text as it was");
    }

    @Test
    void chineseRunsGiveTheirPairsAndTheirLastCharacter() {
        assertEquals(List.of("乡村", "村振", "振兴", "兴"), Terms.of("乡村振兴"));
        assertEquals(List.of("县"), Terms.of("县"));
        // Punctuation separates runs: no pair spans a comma.
        assertEquals(List.of("统计", "计局", "局", "发布", "布"), Terms.of("统计局，发布"));
    }

    @Test
    void otherScriptsGiveWordsLowerCased() {
        assertEquals(List.of("rural", "revitalisation", "2017"), Terms.of("Rural revitalisation, 2017!"));
        assertEquals(List.of("café", "über"), Terms.of("Café ÜBER"));
        // Digits and Han characters are separate runs: 2017年 is 2017 and 年.
        assertEquals(List.of("2017", "年", "近", "300", "人"), Terms.of("2017年 近300人"));
    }

    @Test
    void widthAndCompatibilityFormsReadAsTheirPlainCharacters() {
        assertEquals(Terms.of("resettlement 2017"), Terms.of("ＲＥＳＥＴＴＬＥＭＥＮＴ　２０１７"));
        assertEquals(List.of("gdp"), Terms.of("ＧＤＰ"));
    }

    @Test
    void charactersBeyondTheBasicPlaneStayWhole() {
        // 𠀀 (U+20000) is one character in two UTF-16 units: pairs are made of characters, not units.
        assertEquals(List.of("𠀀村", "村"), Terms.of("𠀀村"));
    }

    @Test
    void nothingToSearchGivesNoTerms() {
        assertEquals(List.of(), Terms.of(" —，。!? "));
    }

    /** The index's counting reads terms from a character array: the same terms, in the same order, as from the string, over generated mixed text. */
    @Test
    void charactersGiveTheSameTermsAsTheString() {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"乡村振兴", "鄉村振興", "PM2.5", "ＰＭ２．５", "civilised city", "320亿", "\uD840\uDC00\uD869\uDEA5", "、", "。", " ",
                "Guancheng", "ｇｕａｎｃｈｅｎｇ", "é", "naïve", "2.656 billion", "—", "“", "\n", "a", "中"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
            java.util.List<String> fromChars = new java.util.ArrayList<>();
            Terms.eachChars(text.toString(), (s, from, to) -> fromChars.add(new String(s, from, to - from)));
            assertEquals(Terms.of(text.toString()), fromChars, text.toString());
        }
    }
}
