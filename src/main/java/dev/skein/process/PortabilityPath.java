package dev.skein.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The path to a value that cannot cross a process boundary, as a PortabilityError shows it:
 * {@code argument 1 → [2] → "conn"}. It stays readable however deep or wide the value is: a run
 * of equal steps is written once with its count ({@code [0] ×9999} for a deeply nested list),
 * a long step (the repr of a big dict key) is cut, and a long path keeps its first and last
 * steps around a count of those left out.
 */
final class PortabilityPath {
    private PortabilityPath() {}

    /** A step longer than this is cut, with "…" where it was. */
    static final int MAX_STEP = 60;
    /** Steps kept at each end of a longer path. */
    static final int KEEP_AT_ENDS = 8;

    static String show(Collection<String> steps) {
        List<String> runs = new ArrayList<>();
        String previous = null;
        int count = 0;
        for (String step : steps) {
            if (step.equals(previous)) {
                count++;
                continue;
            }
            if (previous != null) runs.add(run(previous, count));
            previous = step;
            count = 1;
        }
        if (previous != null) runs.add(run(previous, count));
        if (runs.size() > 2 * KEEP_AT_ENDS + 1) {
            int left = runs.size() - 2 * KEEP_AT_ENDS;
            List<String> kept = new ArrayList<>(runs.subList(0, KEEP_AT_ENDS));
            kept.add("… (" + left + " more steps)");
            kept.addAll(runs.subList(runs.size() - KEEP_AT_ENDS, runs.size()));
            runs = kept;
        }
        return String.join(" → ", runs);
    }

    private static String run(String step, int count) {
        String s = step.length() <= MAX_STEP ? step : step.substring(0, safeCut(step, MAX_STEP - 1)) + "…";
        return count < 3 ? (count == 2 ? s + " → " + s : s) : s + " ×" + count;
    }

    /** A cut at {@code at} or just before it, never between the two halves of a surrogate pair. */
    private static int safeCut(String s, int at) {
        return Character.isLowSurrogate(s.charAt(at)) && Character.isHighSurrogate(s.charAt(at - 1)) ? at - 1 : at;
    }
}
