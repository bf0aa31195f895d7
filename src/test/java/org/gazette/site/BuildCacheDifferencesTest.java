package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The preview's one-pass walk over two sites' files gives what a lookup per path gives. */
class BuildCacheDifferencesTest {

    @Test
    void theWalkFindsExactlyThePathsAddedRemovedOrChanged() {
        Random random = new Random(27);
        for (int round = 0; round < 500; round++) {
            SortedMap<String, Long> before = new TreeMap<>();
            SortedMap<String, Long> after = new TreeMap<>();
            int n = random.nextInt(round < 20 ? 3 : 200);
            for (int i = 0; i < n; i++) {
                String path = "zh/" + (2017 + random.nextInt(3)) + "/news/" + Integer.toString(random.nextInt(400), 36) + ".html";
                long version = random.nextInt(3);
                switch (random.nextInt(4)) {
                    case 0 -> before.put(path, version);                    // removed
                    case 1 -> after.put(path, version);                     // added
                    case 2 -> { before.put(path, version); after.put(path, version); }      // the same
                    default -> { before.put(path, version); after.put(path, version + 1); } // changed
                }
            }
            TreeSet<String> expected = new TreeSet<>();
            for (String p : before.keySet()) if (!after.containsKey(p) || !after.get(p).equals(before.get(p))) expected.add(p);
            for (String p : after.keySet()) if (!before.containsKey(p)) expected.add(p);
            List<String> found = new ArrayList<>();
            BuildCache.differences(before, after, Long::equals, found::add);
            assertEquals(new ArrayList<>(expected), found, "round " + round);
        }
    }
}
