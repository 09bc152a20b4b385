package dev.skein.runtime;

import java.util.Collection;

/** A module as a value: {@code math}, or a script imported with {@code import "x.skein" as x}. */
public interface ModuleValue {
    String moduleName();

    /** The member's value, or {@link Missing#MISSING} when there is none. */
    Object member(String name);

    Collection<String> memberNames();
}
