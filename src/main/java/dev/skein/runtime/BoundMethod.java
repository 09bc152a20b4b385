package dev.skein.runtime;

/**
 * {@code obj.method} as a callable value: the target of {@code submit obj.method(x)}, and what
 * {@code getattr(obj, "method")} returns for a built-in type's method. It keeps the name, not
 * the method, so a process pool can send it (receiver and name) to a worker.
 */
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

    @Override public String toString() { return "<method " + methodName + ">"; }
}
