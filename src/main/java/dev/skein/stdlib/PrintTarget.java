package dev.skein.stdlib;

import dev.skein.runtime.Missing;
import dev.skein.runtime.StandardStream;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/**
 * Where {@code print(…, file=f)} goes: the engine's stdout when f is left out or none, the
 * engine's sink for {@code stdout}/{@code stderr}, or, as in Python, any value with a
 * {@code write} method (a record with a {@code write} field, say), called once with the whole text.
 */
final class PrintTarget {
    private PrintTarget() {}

    static void write(ThreadState ts, Object file, String text, boolean flush) {
        StandardStream stream = file == null || Missing.is(file) ? StandardStream.STDOUT
                : file instanceof StandardStream s ? s : null;
        if (stream != null) {
            stream.sink(ts.interp()).write(text);
            if (flush) stream.sink(ts.interp()).flush();
            return;
        }
        Values.callMethod(ts, file, "write", new Object[] {text}, null);
        if (flush && Values.hasMethod(ts, file, "flush")) Values.callMethod(ts, file, "flush", new Object[0], null);
    }
}
