package dev.skein.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list operations that work in place or on part of the list instead of on a copy. */
class SkeinListTest {
    private static SkeinList ints(int n) {
        SkeinList l = new SkeinList();
        for (long i = 0; i < n; i++) l.append(i);
        return l;
    }

    @Test void sliceCopiesOnlyTheSelectedElements() {
        SkeinList l = ints(10);
        assertArrayEquals(new Object[] {1L, 2L, 3L}, l.slice(new SliceValue(1L, 4L, null)));
        assertArrayEquals(new Object[] {9L, 6L, 3L, 0L}, l.slice(new SliceValue(null, null, -3L)));
        assertArrayEquals(new Object[] {}, l.slice(new SliceValue(5L, 1L, null)));
        assertThrows(SkeinError.class, () -> l.slice(new SliceValue(null, null, 0L)));
    }

    @Test void extendedAssignmentChecksTheLengthFirst() {
        SkeinList l = ints(5);
        l.assignExtended(new SliceValue(null, null, 2L), new Object[] {"a", "b", "c"});
        assertArrayEquals(new Object[] {"a", 1L, "b", 3L, "c"}, l.snapshot());
        assertThrows(SkeinError.class, () -> l.assignExtended(new SliceValue(null, null, 2L), new Object[] {"x"}));
        assertEquals("a", l.get(0));
    }

    @Test void findRemovesOnlyTheFirstMatch() {
        SkeinList l = SkeinList.of("a", "b", "c", "b");
        assertEquals(-1, l.find(v -> v.equals("x"), 0, 4, true));
        assertEquals(3, l.find(v -> v.equals("b"), 2, 4, false));
        assertEquals(1, l.find(v -> v.equals("b"), 0, Integer.MAX_VALUE, true));
        assertArrayEquals(new Object[] {"a", "c", "b"}, l.snapshot());
        assertEquals(1, l.count(v -> v.equals("b")));
    }

    @Test void reverseWorksInPlace() {
        SkeinList l = ints(5);
        l.reverse();
        assertArrayEquals(new Object[] {4L, 3L, 2L, 1L, 0L}, l.snapshot());
        SkeinList empty = new SkeinList();
        empty.reverse();
        assertEquals(0, empty.size());
    }

    @Test void equalityAndOrderReadElementsWithoutCopying() {
        assertFalse(Values.eq(ints(3), ints(4)));
        assertTrue(Values.eq(ints(4), ints(4)));
        assertTrue(Values.lt(ints(3), ints(4)));
        assertTrue(Values.gt(SkeinList.of(2L), ints(4)));
        assertTrue(Containers.contains(ints(4), 3.0));
        assertFalse(Containers.contains(ints(4), 4L));
    }

    /**
     * Reads without the lock (getPy, getOr, size) keep a result only if no write happened
     * meanwhile: readers racing appends that grow the array and pops that clear slots never see
     * a slot that is not an element (null here: the list holds no none) or an index the list
     * did not have.
     */
    @Test void optimisticReadsNeverSeeAHalfWrittenList() throws Exception {
        SkeinList l = ints(1);
        java.util.concurrent.atomic.AtomicLong bad = new java.util.concurrent.atomic.AtomicLong();
        Racing.writerAndTwoReaders(() -> {
            for (int round = 0; round < 200; round++) {
                for (long i = 0; i < 2_000; i++) l.append(i);
                while (l.size() > 1) l.pop(-1);
            }
        }, () -> {
            if (l.size() < 1) bad.incrementAndGet();
            if (l.getPy(0) == null || l.getPy(-1) == null) bad.incrementAndGet();
            for (int i = 0; ; i++) {
                Object v = l.getOr(i, SkeinIterator.DONE);
                if (v == SkeinIterator.DONE) break;
                if (v == null) bad.incrementAndGet();
            }
        });
        assertEquals(0, bad.get());
    }
    /**
     * Snapshots and slices are read without the lock too, and keep the copy only if no write
     * happened meanwhile: while a writer swaps the whole content between three equal numbers and
     * five (the array grows and shrinks) and appends then pops, every copy a reader gets is one
     * of the list's states, never a mix.
     */
    @Test void optimisticCopiesAreAlwaysOneStateOfTheList() throws Exception {
        SkeinList l = SkeinList.of(-1L, -1L, -1L);
        SliceValue all = new SliceValue(null, null, null), reversed = new SliceValue(null, null, -1L);
        java.util.concurrent.atomic.AtomicLong bad = new java.util.concurrent.atomic.AtomicLong();
        Racing.writerAndTwoReaders(() -> {
            for (long round = 0; round < 20_000; round++) {
                Object[] next = new Object[round % 2 == 0 ? 5 : 3];
                java.util.Arrays.fill(next, round);
                l.assignSlice(all, next);
                for (int i = 0; i < 40; i++) l.append(round);
                for (int i = 0; i < 40; i++) l.pop(-1);
            }
        }, () -> {
            for (Object[] copy : new Object[][] {l.snapshot(), l.slice(all), l.slice(reversed)}) {
                if (copy.length < 3) bad.incrementAndGet();
                for (Object v : copy) if (v == null || !v.equals(copy[0])) bad.incrementAndGet();
            }
        });
        assertEquals(0, bad.get());
    }
}
