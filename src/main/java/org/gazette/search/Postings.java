package org.gazette.search;

import java.util.Arrays;

/**
 * The postings of one bundle as they are gathered: terms numbered as they are first met (looked
 * up by a range of the text, so a term already known costs no new string), and for each term the
 * documents that hold it, in order, with how often — written as {@code [doc, count, gap, count, …]}.
 * Documents are added one at a time, in order.
 */
final class Postings implements Terms.Sink {

    private String[] terms = new String[4096];
    private int[] hashes = new int[4096];
    private int size;
    /** Open addressing: id + 1, or 0 for an empty slot. */
    private int[] table = new int[8192];

    private int[][] lists = new int[4096][];
    private int[] lengths = new int[4096];
    private int[] lastDoc = new int[4096];
    /** Per term: the document it was last counted in (+1) and its count there. */
    private int[] seen = new int[4096];
    private int[] count = new int[4096];

    private int doc = -1;
    private int weight = 1;
    private int[] docTerms = new int[1024];
    private int docTermCount;

    /** Starts the next document. */
    void document() {
        flush();
        doc++;
    }

    /** How much each term {@link #term} receives next counts (the title counts more). */
    void weight(int w) {
        weight = w;
    }

    @Override
    public void term(String s, int from, int to) {
        int id = id(s, from, to);
        if (seen[id] != doc + 1) {
            seen[id] = doc + 1;
            count[id] = 0;
            if (docTermCount == docTerms.length) docTerms = Arrays.copyOf(docTerms, docTermCount * 2);
            docTerms[docTermCount++] = id;
        }
        count[id] += weight;
    }

    /** Ends the current document: its terms' counts go into their lists. */
    private void flush() {
        for (int i = 0; i < docTermCount; i++) {
            int id = docTerms[i];
            int[] list = lists[id];
            int n = lengths[id];
            if (list == null) list = lists[id] = new int[4];
            else if (n + 2 > list.length) list = lists[id] = Arrays.copyOf(list, list.length * 2);
            list[n] = n == 0 ? doc : doc - lastDoc[id];
            list[n + 1] = count[id];
            lengths[id] = n + 2;
            lastDoc[id] = doc;
        }
        docTermCount = 0;
    }

    /** The terms, sorted (ids into {@link #term(int)} and {@link #list(int)}); ends the last document. */
    int[] sorted() {
        flush();
        Integer[] ids = new Integer[size];
        for (int i = 0; i < size; i++) ids[i] = i;
        Arrays.sort(ids, (a, b) -> terms[a].compareTo(terms[b]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = ids[i];
        return out;
    }

    String term(int id) {
        return terms[id];
    }

    /** The list of term {@code id}: {@link #length(int)} numbers, document gaps and counts. */
    int[] list(int id) {
        return lists[id];
    }

    int length(int id) {
        return lengths[id];
    }

    /** Slots looked at by all lookups so far (tests: the table stays linear). */
    long probes;

    /**
     * A term's hash, well mixed: FNV-1a over its characters, then MurmurHash3's finaliser. The
     * String-style {@code 31 * h + c} gave two-character Chinese terms only ~670,000 values in
     * long runs, and linear probing piled a real archive's terms into one cluster (a build of
     * 10,000 articles spent minutes here).
     */
    static int hash(String s, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) h = (h ^ s.charAt(i)) * 0x01000193;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private int id(String s, int from, int to) {
        int h = hash(s, from, to);
        int mask = table.length - 1;
        int len = to - from;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            probes++;
            int e = table[slot];
            if (e == 0) {
                int id = add(s.substring(from, to), h);
                table[slot] = id + 1;
                if (size * 2 > table.length) rehash();
                return id;
            }
            int id = e - 1;
            if (hashes[id] == h && terms[id].length() == len && terms[id].regionMatches(0, s, from, len)) return id;
        }
    }

    private int add(String term, int h) {
        if (size == terms.length) {
            int n = size * 2;
            terms = Arrays.copyOf(terms, n);
            hashes = Arrays.copyOf(hashes, n);
            lists = Arrays.copyOf(lists, n);
            lengths = Arrays.copyOf(lengths, n);
            lastDoc = Arrays.copyOf(lastDoc, n);
            seen = Arrays.copyOf(seen, n);
            count = Arrays.copyOf(count, n);
        }
        terms[size] = term;
        hashes[size] = h;
        return size++;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (t[slot] != 0) slot = (slot + 1) & mask;
            t[slot] = id + 1;
        }
        table = t;
    }
}
