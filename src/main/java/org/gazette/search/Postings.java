package org.gazette.search;

import java.util.Arrays;

/**
 * The postings of one bundle as they are gathered: terms numbered as they are first met (looked
 * up by a range of the text, so a term already known costs no new string), and for each term the
 * documents that hold it, in order, with how often — written as {@code [doc, count, gap, count, …]}.
 * Documents are added one at a time, in order.
 */
final class Postings implements Terms.Sink, Terms.CharSink {

    private String[] terms = new String[4096];
    private long[] prefixes = new long[4096];
    private int[] hashes = new int[4096];
    private int size;
    /**
     * Open addressing, two longs a slot: the term's hash in the high half and its id + 1 in the
     * low (0: an empty slot), then a term of up to three characters itself ({@link #packed}) —
     * which is nearly every Chinese term: a lookup then finds and checks its term in one cache
     * line, without a look at the term's string (two cache misses each on a large archive).
     */
    private long[] table = new long[2 * 8192];

    private int[][] lists = new int[4096][];
    /**
     * Per term, side by side (one cache line, not four arrays' worth): the document it was last
     * counted in (+1), its count there, the length of its list and the last document in the list.
     */
    private int[] state = new int[4 * 4096];
    private static final int SEEN = 0, COUNT = 1, LENGTH = 2, LAST = 3;

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
        char[] c = new char[to - from];
        s.getChars(from, to, c, 0);
        term(c, 0, c.length);
    }

    @Override
    public void term(char[] s, int from, int to) {
        int id = id(s, from, to);
        int at = 4 * id;
        if (state[at + SEEN] != doc + 1) {
            state[at + SEEN] = doc + 1;
            state[at + COUNT] = 0;
            if (docTermCount == docTerms.length) docTerms = Arrays.copyOf(docTerms, docTermCount * 2);
            docTerms[docTermCount++] = id;
        }
        int c = state[at + COUNT];
        // The text's count stays below TITLE, so it never reads as a title's; the title's below 20,000.
        if (weight == 1 ? c % TITLE < TITLE - 1 : c < 20_000 * TITLE) state[at + COUNT] = c + weight;
    }

    /** A count of {@code TITLE} or more holds the title's occurrences: count / TITLE; the text's: count % TITLE. */
    static final int TITLE = 100_000;

    /** Ends the current document: its terms' counts go into their lists. */
    private void flush() {
        for (int i = 0; i < docTermCount; i++) {
            int id = docTerms[i];
            int[] list = lists[id];
            int at = 4 * id;
            int n = state[at + LENGTH];
            if (list == null) list = lists[id] = new int[4];
            else if (n + 2 > list.length) list = lists[id] = Arrays.copyOf(list, list.length * 2);
            list[n] = n == 0 ? doc : doc - state[at + LAST];
            list[n + 1] = state[at + COUNT];
            state[at + LENGTH] = n + 2;
            state[at + LAST] = doc;
        }
        docTermCount = 0;
    }

    /** The terms, sorted (ids into {@link #term(int)} and {@link #list(int)}); ends the last document. */
    int[] sorted() {
        flush();
        // By their first character (a counting sort: Chinese terms share few first characters),
        // then each run of terms with the same first character by comparison.
        int[] start = new int[65537];
        for (int id = 0; id < size; id++) start[first(id) + 1]++;
        for (int c = 0; c < 65536; c++) start[c + 1] += start[c];
        int[] out = new int[size];
        int[] next = Arrays.copyOf(start, 65536);
        for (int id = 0; id < size; id++) out[next[first(id)]++] = id;
        int[] scratch = new int[size];
        for (int c = 0; c < 65536; c++) {
            if (start[c + 1] - start[c] > 1) sort(out, scratch, start[c], start[c + 1]);
        }
        return out;
    }

    private int first(int id) {
        return terms[id].isEmpty() ? 0 : terms[id].charAt(0);
    }

    /**
     * The order of terms {@code a} and {@code b}, as {@link String#compareTo} gives it: first by their
     * first three characters as one number ({@link #prefix}: no string is read, and nearly every
     * Chinese term is settled there), then, for two longer terms sharing them, by the strings.
     */
    int compare(int a, int b) {
        long x = prefixes[a];
        long y = prefixes[b];
        if (x != y) return x < y ? -1 : 1;
        if (terms[a].length() <= 3 && terms[b].length() <= 3) return 0;
        return terms[a].compareTo(terms[b]);
    }

    /** A term's first three UTF-16 units as one number in their order (a missing unit is 0, below any). */
    static long prefix(String t) {
        long p = 0;
        for (int i = 0; i < 3; i++) p = p << 16 | (i < t.length() ? t.charAt(i) : 0);
        return p;
    }

    /** The prefix of a term (see {@link #prefix}). */
    long prefix(int id) {
        return prefixes[id];
    }

    /** Sorts {@code ids[from, to)} by their terms (a merge sort: stable, no boxing). */
    private void sort(int[] ids, int[] scratch, int from, int to) {
        if (to - from <= 12) {
            for (int i = from + 1; i < to; i++) {
                int id = ids[i];
                int j = i - 1;
                while (j >= from && compare(ids[j], id) > 0) {
                    ids[j + 1] = ids[j];
                    j--;
                }
                ids[j + 1] = id;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(ids, scratch, from, mid);
        sort(ids, scratch, mid, to);
        if (compare(ids[mid - 1], ids[mid]) <= 0) return;
        System.arraycopy(ids, from, scratch, from, to - from);
        int a = from;
        int b = mid;
        for (int k = from; k < to; k++) {
            if (b >= to || a < mid && compare(scratch[a], scratch[b]) <= 0) ids[k] = scratch[a++];
            else ids[k] = scratch[b++];
        }
    }

    /** The last document (0-based, of this {@code Postings}) that holds term {@code id}. */
    int lastDoc(int id) {
        return state[4 * id + LAST];
    }

    /** Documents started so far. */
    int documents() {
        return doc + 1;
    }

    String term(int id) {
        return terms[id];
    }

    /** The list of term {@code id}: {@link #length(int)} numbers, document gaps and counts. */
    int[] list(int id) {
        return lists[id];
    }

    int length(int id) {
        return state[4 * id + LENGTH];
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
        return hash(s.toCharArray(), from, to);
    }

    static int hash(char[] s, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) h = (h ^ s[i]) * 0x01000193;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** A term of up to three characters as a number (its length in the top bits); -1 for a longer one. */
    static long packed(CharSequence s, int from, int to) {
        int len = to - from;
        if (len > 3) return -1;
        long p = (long) len << 48;
        for (int i = 0; i < len; i++) p |= (long) s.charAt(from + i) << (16 * (2 - i));
        return p;
    }

    static long packed(char[] s, int from, int to) {
        int len = to - from;
        if (len > 3) return -1;
        long p = (long) len << 48;
        for (int i = 0; i < len; i++) p |= (long) s[from + i] << (16 * (2 - i));
        return p;
    }

    /** A longer term's characters, kept beside its string: compared as arrays (one intrinsic, no per-character checks). */
    private char[][] chars = new char[4096][];

    private int id(char[] s, int from, int to) {
        int h = hash(s, from, to);
        long key = packed(s, from, to);
        int mask = (table.length >> 1) - 1;
        int len = to - from;
        for (int slot = h & mask;; slot = (slot + 1) & mask) {
            probes++;
            long e = table[2 * slot];
            if (e == 0) {
                int id = add(new String(s, from, to - from), h);
                if (key < 0) chars[id] = Arrays.copyOfRange(s, from, to);
                table[2 * slot] = (long) h << 32 | (id + 1L);
                table[2 * slot + 1] = key;
                if (size * 2 > table.length >> 1) rehash();
                return id;
            }
            if ((int) (e >>> 32) != h) continue;
            int id = (int) e - 1;
            if (key >= 0) {
                if (table[2 * slot + 1] == key) return id;
            } else if (chars[id] != null && Arrays.equals(chars[id], 0, chars[id].length, s, from, to)) {
                return id;
            }
        }
    }

    private int add(String term, int h) {
        if (size == terms.length) {
            int n = size * 2;
            terms = Arrays.copyOf(terms, n);
            chars = Arrays.copyOf(chars, n);
            prefixes = Arrays.copyOf(prefixes, n);
            hashes = Arrays.copyOf(hashes, n);
            lists = Arrays.copyOf(lists, n);
            state = Arrays.copyOf(state, 4 * n);
        }
        terms[size] = term;
        prefixes[size] = prefix(term);
        hashes[size] = h;
        return size++;
    }

    private void rehash() {
        long[] t = new long[table.length * 2];
        int mask = (t.length >> 1) - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (t[2 * slot] != 0) slot = (slot + 1) & mask;
            t[2 * slot] = (long) hashes[id] << 32 | (id + 1L);
            t[2 * slot + 1] = packed(terms[id], 0, terms[id].length());
        }
        table = t;
    }
}
