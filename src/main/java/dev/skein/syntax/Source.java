package dev.skein.syntax;

/**
 * A piece of Skein source text and the name it is reported under (a path, "<stdin>", "<repl>").
 * A UTF-8 byte-order mark at the start (U+FEFF, as editors on Windows write it) is not part of
 * the text, as in CPython: files, imported modules and embedded strings alike.
 */
public record Source(String name, String text) {
    public Source {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
    }

    /** The text of a 1-based line, without its line break ("" when out of range). */
    public String line(int n) {
        int start = 0;
        for (int i = 1; i < n; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return "";
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String l = end < 0 ? text.substring(start) : text.substring(start, end);
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }

    // Written out: a record's generated equals/hashCode are linked at first use, which costs a
    // cold start (the first process pool, which keys its caches by Source) milliseconds.
    @Override public boolean equals(Object o) { return o instanceof Source s && name.equals(s.name) && text.equals(s.text); }

    @Override public int hashCode() { return 31 * name.hashCode() + text.hashCode(); }
}
