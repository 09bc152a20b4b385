package dev.skein.embed;

import dev.skein.runtime.ThreadState;

/**
 * One call from Skein into a method of a host object, in progress on its thread: what argument
 * conversion needs to hand Skein functions and containers to Java (a {@link Link} whose
 * callbacks run in the caller's thread state while the call lasts), made only when needed.
 */
final class HostInvocation implements Link.Origin {
    private final ThreadState ts;
    private final HostClasses classes;
    private final Thread thread = Thread.currentThread();
    private Link link;
    private volatile boolean active = true;

    HostInvocation(ThreadState ts, HostClasses classes) {
        this.ts = ts;
        this.classes = classes;
    }

    HostClasses classes() { return classes; }

    Link link() {
        if (link == null) link = new Link(ts.interp(), SkeinSession.of(ts.interp()), this);
        return link;
    }

    @Override public boolean isActiveOnThisThread() { return active && Thread.currentThread() == thread; }

    @Override public ThreadState threadState() { return ts; }

    void finish() { active = false; }
}
