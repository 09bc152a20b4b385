package dev.skein.embed;

import dev.skein.runtime.OutputSink;

/** A session's stdout or stderr: forwards to a host sink that can be swapped between runs (JSR-223 contexts). */
final class SwitchableSink implements OutputSink {
    private volatile OutputSink target;

    SwitchableSink(OutputSink target) { this.target = target; }

    void switchTo(OutputSink t) { target = t; }

    @Override public void write(String text) { target.write(text); }

    @Override public void flush() { target.flush(); }
}
