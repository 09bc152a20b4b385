package dev.skein.stdlib;

import dev.skein.runtime.SkeinList;

import java.util.Arrays;

/**
 * {@code str.split()} without a separator: the text cut at runs of Python whitespace. The words
 * go straight into the new list's array, so a text of a million words is not gathered in a
 * second list and copied; ASCII whitespace is recognised without Character's tables ({@link CharClasses#isSpace}).
 */
final class WhitespaceSplit {
    private WhitespaceSplit() {}

    /** The words of {@code s}, at most {@code max} splits (the rest of the text is the last word). */
    static SkeinList split(String s, long max) {
        int n = s.length(), count = 0;
        Object[] words = new Object[Math.min(n / 8 + 8, 1 << 16)];   // grows by doubling past this guess
        int i = 0;
        while (true) {
            while (i < n && CharClasses.isSpace(s.charAt(i))) i++;
            if (i >= n) break;
            if (count == words.length) words = Arrays.copyOf(words, grown(count));
            if (count >= max) {
                words[count++] = s.substring(i);
                break;
            }
            int j = i + 1;
            while (j < n && !CharClasses.isSpace(s.charAt(j))) j++;
            words[count++] = s.substring(i, j);
            i = j;
        }
        return SkeinList.wrap(words, count);
    }

    private static int grown(int length) {
        long next = Math.min((long) length * 2, dev.skein.runtime.Allocation.MAX_LENGTH);
        if (next <= length) throw dev.skein.runtime.Allocation.tooBig("a list", (long) length + 1);
        return (int) next;
    }
}
