package dev.skein.stdlib.modules;

import dev.skein.runtime.Errors;

/** Python's posixpath string functions (join, basename, dirname): pure text, no file access. */
final class PathText {
    private PathText() {}

    /** os.path.join: an absolute part discards everything before it; "/" is added only where missing. */
    static String join(Object[] parts) {
        if (parts.length == 0) throw Errors.type("join() missing required argument 'path'");
        StringBuilder sb = new StringBuilder(Args.str(parts[0], "path"));
        for (int i = 1; i < parts.length; i++) {
            String p = Args.str(parts[i], "path");
            if (p.startsWith("/")) {
                sb.setLength(0);
                sb.append(p);
            } else if (sb.isEmpty() || sb.charAt(sb.length() - 1) == '/') {
                sb.append(p);
            } else {
                sb.append('/').append(p);
            }
        }
        return sb.toString();
    }

    /** The text after the last '/': basename("a/b.txt") == "b.txt", basename("a/") == "". */
    static String basename(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Everything before the last '/', without trailing slashes unless it is all slashes. */
    static String dirname(String p) {
        String head = p.substring(0, p.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            int end = head.length();
            while (end > 0 && head.charAt(end - 1) == '/') end--;
            head = head.substring(0, end);
        }
        return head;
    }
}
