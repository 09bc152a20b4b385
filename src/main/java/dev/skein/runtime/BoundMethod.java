package dev.skein.runtime;

/** {@code obj.method} as a callable value (the target of {@code submit obj.method(x)}). */
public final class BoundMethod implements Callable {
    private final Object receiver;
    private final String methodName;

    public BoundMethod(Object receiver, String methodName) {
        this.receiver = receiver;
        this.methodName = methodName;
    }

    public Object receiver() { return receiver; }

    public String methodName() { return methodName; }

    @Override public Object call(ThreadState ts, Object[] args, String[] kwNames) {
        return Values.callMethod(ts, receiver, methodName, args, kwNames);
    }

    @Override public String name() { return methodName; }
}
