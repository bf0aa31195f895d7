// The search index step alone, on the pages of a built site held in memory: SearchIndex.of timed in
// one JVM, RUNS times after a warm-up, median printed. Side by side with another version's jar:
//
//   bench/search-step.sh SITE_DIR [OTHER.jar]   (SITE_DIR: e.g. bench/work/n10000y1/gazette-out)
//
// Run with the launcher's JVM options (C1 only, serial collector, a 128 MB young generation).
import java.nio.file.*;
import java.util.*;
public class SearchStep {
  public static void main(String[] a) throws Exception {
    Path root = Path.of(a[0]);
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (var s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".html")).toList())
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
    }
    int runs = Integer.parseInt(a[1]);
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      long t = System.nanoTime();
      var out = org.gazette.search.SearchIndex.of(files);
      long d = (System.nanoTime() - t) / 1_000_000;
      if (i > 0) ms.add(d);
      if (i == runs) System.out.println(out.size() + " files");
    }
    Collections.sort(ms);
    System.out.println("search step alone, ms: " + ms + " median " + ms.get(ms.size() / 2));
  }
}
