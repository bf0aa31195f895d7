package org.gazette.render;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

import org.gazette.content.Article;
import org.gazette.content.Content;
import org.gazette.content.ContentLoader;
import org.gazette.content.Report;
import org.gazette.content.TextCache;
import org.gazette.content.Translations;
import org.gazette.content.Year;

/**
 * A 64-bit fingerprint of what a page is made from: its place, its template and everything in its
 * data, where a text or a report counts by the version of the file it was read from (not by walking
 * its HTML). Two builds give a page the same fingerprint only if the page would come out the same,
 * so the preview server renders again only the pages whose fingerprint changed.
 * <p>
 * Objects that every page shares (settings, interface strings, the localizer) count once, by the
 * {@code shared} fingerprint the caller gives them: the versions of site.yaml, tags.yaml and the
 * strings files. An object of a kind this class does not know counts as "all of the content", so
 * a page holding one is rendered again on every change: slower, never stale.
 */
public final class Fingerprint {

    private final Content content;
    private final Map<Object, Long> shared;
    private long everything;
    private long h;
    private int unknown;
    /** The source files the last fingerprint met (texts, reports), or "*" for an object of unknown kind. */
    private final java.util.Set<String> files = new java.util.HashSet<>();

    /** Stands for "every file" in {@link #files}: a page holding an object this class does not know. */
    public static final String EVERYTHING = "*";

    /** {@code shared}: objects common to many pages, each with the fingerprint it stands for. */
    public Fingerprint(Content content, Map<Object, Long> shared) {
        this.content = content;
        this.shared = shared;

    }

    /** The fingerprint of a page (not thread-safe: one instance per thread). */
    public long of(Page page) {
        return of(page, page.data());
    }

    /** The fingerprint of a page whose data the caller made ({@code data}: a page made later makes it anew each time it is asked). */
    public long of(Page page, Map<String, Object> data) {
        h = 0xcbf29ce484222325L;
        files.clear();
        add(page.key());
        add(page.path());
        add(page.template());
        add(page.alternates());
        mix(page.translated() ? 1 : 2);
        add(data);
        return h;
    }

    /** The fingerprint of any value made of the kinds this class knows (a bulletin's job). */
    public long of(Object value) {
        h = 0xcbf29ce484222325L;
        files.clear();
        add(value);
        return h;
    }

    /** The source files the last fingerprint depends on ({@link #EVERYTHING} among them if it depends on all). */
    public java.util.Set<String> files() {
        return java.util.Set.copyOf(files);
    }

    /** How many objects of unknown kinds the fingerprints so far met (each made its page depend on everything). */
    public int unknown() {
        return unknown;
    }

    private void add(Object o) {
        if (o == null) {
            mix(0x9e3779b97f4a7c15L);
            return;
        }
        Long s = shared.get(o);
        if (s != null) {
            mix(s);
        } else if (o instanceof String str) {
            mix(text(str));
        } else if (o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Enum<?>
                || o instanceof TemporalAccessor || o instanceof java.time.ZoneId || o instanceof java.util.Locale) {
            mix(text(o.getClass().getName()));
            mix(text(o.toString()));
        } else if (o instanceof Map<?, ?> m) {
            mix(m.size());
            for (var e : m.entrySet()) {
                add(e.getKey());
                add(e.getValue());
            }
        } else if (o instanceof Collection<?> c) {
            mix(c.size() + 0x51);
            for (Object x : c) add(x);
        } else if (o instanceof Article a) {
            // A text is what its file says (site.yaml and tags.yaml, which shape it too, are in the shared part).
            mix(text(a.file()));
            mix(content.version(a.file()));
            files.add(a.file());
        } else if (o instanceof Translations t) {
            add(t.slug());
            add(t.byLanguage());
        } else if (o instanceof Report r) {
            mix(r.year());
            String file = r.year() + "/" + ContentLoader.REPORT;
            mix(content.version(file));
            files.add(file);
        } else if (o instanceof Year y) {
            mix(y.year());
            add(y.report());
            add(y.prose());
            add(y.news());
        } else if (o instanceof Links links) {
            mix(text(links.toString()));
        } else if (o instanceof Record r) {
            mix(text(r.getClass().getName()));
            for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                try {
                    add(c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    everything();
                }
            }
        } else {
            everything();
        }
    }

    private void everything() {
        unknown++;
        files.add(EVERYTHING);
        if (everything == 0) {
            long all = 1;
            for (var v : content.versions().entrySet()) all = all * 31 + v.getValue() + text(v.getKey());
            everything = all;
        }
        mix(everything);
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            for (RecordComponent c : cs) c.getAccessor().setAccessible(true);
            return cs;
        }
    };

    private void mix(long x) {
        h ^= x;
        h *= 0x100000001b3L;
        h ^= h >>> 29;
    }

    private static long text(String s) {
        return TextCache.version(s);
    }

    /** Objects by identity: settings and strings are compared as the same instances, not walked. */
    public static Map<Object, Long> sharedMap() {
        return new IdentityHashMap<>();
    }
}
