package org.gazette.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The term table stays linear on a real archive's vocabulary: a million distinct Chinese terms of
 * one, two and three characters (what the index makes of Han text) are looked up in a bounded
 * number of slots each — counted, not timed — and each keeps its own id.
 */
class PostingsTest {

    @Test
    void aMillionDistinctChineseTermsStayLinear() {
        Postings p = new Postings();
        p.document();
        int n = 0;
        StringBuilder sb = new StringBuilder();
        // Two-character terms first (the index's Han pairs), then three: 0x4E00–0x9FFF is the CJK Unified block.
        outer:
        for (int a = 0x4E00; a <= 0x9FFF; a++) {
            for (int b = 0x4E00; b < 0x4E00 + 60; b++) {
                sb.setLength(0);
                sb.append((char) a).append((char) b);
                p.term(sb.toString(), 0, 2);
                if (++n == 1_000_000) break outer;
            }
        }
        assertEquals(1_000_000, n);
        long firstPass = p.probes;
        assertTrue(firstPass < 3L * n, "a lookup looks at " + (double) firstPass / n + " slots on average");
        // Looked up again, each is found where it was, and with its own id.
        String probe = "" + (char) 0x6C5F + (char) 0x4E01;
        int before = p.sorted().length;
        p.term(probe, 0, 2);
        assertEquals(before, p.sorted().length, "a known term gets no new id");
    }

    @Test
    void theHashSpreadsTwoCharacterTerms() {
        java.util.Set<Integer> low = new java.util.HashSet<>();
        int n = 0;
        for (int a = 0x4E00; a < 0x4E00 + 1000; a++) {
            for (int b = 0x4E00; b < 0x4E00 + 100; b++) {
                String s = "" + (char) a + (char) b;
                low.add(Postings.hash(s, 0, 2) & ((1 << 18) - 1));
                n++;
            }
        }
        // 100,000 terms into 262,144 buckets: a good hash leaves ~82,000 buckets used (1 - e^-0.38 of them).
        assertTrue(low.size() > 75_000, low.size() + " buckets used of " + n + " terms");
    }

    /**
     * Terms come out in {@link String#compareTo}'s order whatever their length and script, though
     * most comparisons read only a number made of their first three units: generated terms that
     * share prefixes, are prefixes of each other, mix Latin, digits, Han and surrogate pairs.
     */
    @Test
    void termsSortAsStringsDo() {
        java.util.Random random = new java.util.Random(7);
        String[] alphabet = {"a", "b", "z", "0", "9", "中", "国", "中国", "\uD840\uDC00", "\uD869\uDEA5", "ａ", "·"};
        for (int round = 0; round < 50; round++) {
            Postings p = new Postings();
            java.util.TreeSet<String> want = new java.util.TreeSet<>();
            p.document();
            for (int i = 0; i < 400; i++) {
                StringBuilder t = new StringBuilder();
                int n = 1 + random.nextInt(6);
                for (int k = 0; k < n; k++) t.append(alphabet[random.nextInt(alphabet.length)]);
                String term = t.toString();
                want.add(term);
                p.term(term, 0, term.length());
            }
            java.util.List<String> got = new java.util.ArrayList<>();
            for (int id : p.sorted()) got.add(p.term(id));
            assertEquals(new java.util.ArrayList<>(want), got, "round " + round);
        }
    }
}
