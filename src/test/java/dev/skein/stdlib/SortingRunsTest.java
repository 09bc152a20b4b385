package dev.skein.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skein.runtime.SkeinList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sort finds the runs already in its input, as CPython's timsort does: a sorted or reversed
 * list, or one with a short unsorted tail, costs O(n) comparisons. It cost O(n log n) (about 23n
 * for reversed input), and the stress test's threads sort one list up and down in turn.
 */
class SortingRunsTest extends StdlibTestSupport {
    private static final int N = 100_000;

    private static Object[] ascending(int n) {
        Object[] xs = new Object[n];
        for (int i = 0; i < n; i++) xs[i] = (long) i;
        return xs;
    }

    private long comparisons(Object[] xs, boolean reverse) {
        return Sorting.sortCounting(ts, xs, null, reverse);
    }

    @Test void presortedInputCostsLinearComparisons() {
        assertTrue(comparisons(ascending(N), false) < 2L * N, "ascending");
        assertTrue(comparisons(ascending(N), true) < 2L * N, "ascending, sorted in reverse");
        Object[] down = ascending(N);
        java.util.Collections.reverse(Arrays.asList(down));   // the list view writes through to the array
        assertTrue(comparisons(down, false) < 2L * N, "descending");
        Object[] tail = ascending(N);
        List<Object> last = new ArrayList<>(Arrays.asList(tail).subList(N - 100, N));
        java.util.Collections.shuffle(last, new Random(7));
        for (int i = 0; i < 100; i++) tail[N - 100 + i] = last.get(i);
        long c = comparisons(tail, false);
        assertTrue(c < 5L * N, "sorted with a shuffled tail of 100: " + c);
        assertArrayEquals(ascending(N), tail);
    }

    @Test void runsOfEveryShapeSortStablyAndAgreeWithJava() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = rnd.nextInt(round < 100 ? 60 : 3_000);
            List<SkeinList> items = new ArrayList<>();
            int i = 0;
            while (items.size() < n) {   // ascending, descending and random stretches, with many equal keys
                int len = 1 + rnd.nextInt(80), shape = rnd.nextInt(3), base = rnd.nextInt(50);
                for (int k = 0; k < len && items.size() < n; k++, i++) {
                    long key = shape == 0 ? base + k / 3 : shape == 1 ? base + (len - k) / 3 : rnd.nextInt(40);
                    items.add(SkeinList.of(key, (long) i));
                }
            }
            for (boolean reverse : new boolean[] {false, true}) {
                Object[] xs = items.toArray();
                Sorting.sortCounting(ts, xs, fn(x -> ((SkeinList) x).getPy(0)), reverse);
                List<SkeinList> want = new ArrayList<>(items);
                Comparator<SkeinList> byKey = Comparator.comparingLong(x -> (Long) x.getPy(0));
                want.sort(reverse ? byKey.reversed() : byKey);   // List.sort is stable; reversed() keeps equal keys in order too
                assertArrayEquals(want.toArray(), xs, "round " + round + ", reverse " + reverse);
            }
        }
    }
}
