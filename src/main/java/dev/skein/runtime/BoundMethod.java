package dev.skein.runtime;

/**
 * {@code obj.method} as a callable value ({@code let add = xs.append}, {@code map d.get over ks},
 * {@code submit obj.method(x)}, {@code getattr(obj, "method")}) for every kind of receiver:
 * built-in types, runtime objects (futures, pools, …) and records. It keeps the name, not the
 * method, so a process pool can send it (receiver and name) to a worker, and calling it is
 * exactly {@code obj.method(…)}. Two are equal when they bind the same name to the same object.
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

    @Override public boolean equals(Object o) {
        return o instanceof BoundMethod b && b.receiver == receiver && b.methodName.equals(methodName);
    }

    @Override public int hashCode() { return System.identityHashCode(receiver) * 31 + methodName.hashCode(); }

    @Override public String toString() { return "<method " + methodName + " of " + Values.typeName(receiver) + ">"; }
}
