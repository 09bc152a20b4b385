package dev.skein.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The embedding API shows hosts only what they need: no public member of a public class in
 * {@code dev.skein.embed} names an internal type (runtime values, the interpreter, the parser,
 * the process layer…) as a parameter, result, field or thrown type. The pool SPI of
 * {@code dev.skein.concurrent} (Pool, Transport) is public by design: hosts add pool kinds with it.
 */
@AnalyzeClasses(packages = "dev.skein", importOptions = ImportOption.DoNotIncludeTests.class)
class EmbedApiTest {
    private static final List<String> INTERNAL = List.of("dev.skein.runtime", "dev.skein.interp", "dev.skein.syntax",
            "dev.skein.ast", "dev.skein.stdlib", "dev.skein.process", "dev.skein.repl", "dev.skein.cli");

    private static final DescribedPredicate<JavaMember> PUBLIC_API = new DescribedPredicate<>("public members of public embed classes") {
        @Override public boolean test(JavaMember m) {
            JavaClass owner = m.getOwner();
            return owner.getPackageName().startsWith("dev.skein.embed") && isPublic(owner)
                    && (m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.PROTECTED))
                    && !m.getModifiers().contains(JavaModifier.SYNTHETIC) && !m.getModifiers().contains(JavaModifier.BRIDGE);
        }
    };

    private static boolean isPublic(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        }
        return true;
    }

    private static final ArchCondition<JavaMember> NAME_NO_INTERNAL_TYPE = new ArchCondition<>("name no internal type in their signature") {
        @Override public void check(JavaMember m, ConditionEvents events) {
            List<JavaClass> types = new ArrayList<>();
            if (m instanceof JavaField f) types.addAll(f.getType().getAllInvolvedRawTypes());
            if (m instanceof JavaCodeUnit cu) {
                types.addAll(cu.getReturnType().getAllInvolvedRawTypes());
                cu.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
                cu.getThrowsClause().getTypes().forEach(types::add);
            }
            Set<String> internal = new java.util.TreeSet<>();
            for (JavaClass t : types) {
                JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                if (INTERNAL.stream().anyMatch(p -> base.getPackageName().equals(p) || base.getPackageName().startsWith(p + "."))) {
                    internal.add(base.getName());
                }
            }
            if (!internal.isEmpty()) {
                events.add(SimpleConditionEvent.violated(m, m.getFullName() + " exposes " + String.join(", ", internal)));
            }
        }
    };

    @ArchTest
    static final ArchRule embedApiExposesNoInternalTypes = members().that(PUBLIC_API).should(NAME_NO_INTERNAL_TYPE);
}
