package io.reactives3.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.transfer.S3TransferEngine;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library modules hide their insides: each descriptor exports only API, model and SPI packages (no
 * {@code internal} package, no qualified export), every package it keeps to itself is an {@code internal} one, and
 * no public or protected signature of an exported type names a type from a package its module does not export.
 */
class ModuleBoundariesTest {

    private static final List<Class<?>> ENTRY_POINTS =
            List.of(ReactiveS3Client.class, S3TransferEngine.class, ReactiveS3.class);

    @Test
    void descriptors_exportApiOnly_andKeepOnlyInternalPackages() throws Exception {
        for (Class<?> entry : ENTRY_POINTS) {
            ModuleDescriptor module = descriptorOf(entry);
            assertThat(module.isAutomatic()).as(module.name()).isFalse();
            for (ModuleDescriptor.Exports export : module.exports()) {
                assertThat(export.isQualified()).as(module.name() + " exports " + export).isFalse();
                assertThat(export.source()).as(module.name() + " exports").doesNotContain(".internal");
            }
            Set<String> hidden = new TreeSet<>(module.packages());
            module.exports().forEach(e -> hidden.remove(e.source()));
            assertThat(hidden).as(module.name() + " packages not exported")
                    .allSatisfy(p -> assertThat(p).contains(".internal"));
        }
    }

    @Test
    void exportedSignatures_nameNoHiddenType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> entry : ENTRY_POINTS) {
            ModuleDescriptor module = descriptorOf(entry);
            Set<String> exported = new TreeSet<>();
            module.exports().forEach(e -> exported.add(e.source()));
            for (Class<?> type : exportedTypes(entry, module, exported)) {
                signatureTypes(type).forEach(t -> referencedClasses(t, new ArrayList<>()).stream()
                        .filter(c -> hiddenIn(c, module, exported))
                        .forEach(c -> leaks.add(type.getName() + " -> " + c.getName())));
            }
        }
        assertThat(leaks).as("public signatures naming internal types").isEmpty();
    }

    private static boolean hiddenIn(Class<?> c, ModuleDescriptor module, Set<String> exported) {
        return c.getName().startsWith("io.reactives3.") && module.packages().contains(c.getPackageName())
                && !exported.contains(c.getPackageName());
    }

    private static ModuleDescriptor descriptorOf(Class<?> entry) throws URISyntaxException {
        Path location = Path.of(entry.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleReference ref = ModuleFinder.of(location).findAll().iterator().next();
        return ref.descriptor();
    }

    private static List<Class<?>> exportedTypes(Class<?> entry, ModuleDescriptor module, Set<String> exported)
            throws Exception {
        Path location = Path.of(entry.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (var reader = ModuleFinder.of(location).find(module.name()).orElseThrow().open();
             Stream<String> names = reader.list()) {
            for (String name : (Iterable<String>) names::iterator) {
                if (!name.endsWith(".class") || name.equals("module-info.class")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                int dot = className.lastIndexOf('.');
                if (exported.contains(className.substring(0, dot))) {
                    Class<?> c = Class.forName(className, false, entry.getClassLoader());
                    if (visibleOutside(c)) {
                        types.add(c);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(types).as(module.name() + " exported types").isNotEmpty();
        return types;
    }

    private static boolean visibleOutside(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<Type> signatureTypes(Class<?> type) {
        List<Type> types = new ArrayList<>();
        if (type.getGenericSuperclass() != null) {
            types.add(type.getGenericSuperclass());
        }
        types.addAll(List.of(type.getGenericInterfaces()));
        for (Field f : type.getDeclaredFields()) {
            if (visibleMember(f.getModifiers())) {
                types.add(f.getGenericType());
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable e : executables) {
            boolean inInterface = type.isInterface() && !Modifier.isPrivate(e.getModifiers());
            if (e.isSynthetic() || !(inInterface || visibleMember(e.getModifiers()))) {
                continue;
            }
            if (e instanceof Method m) {
                types.add(m.getGenericReturnType());
            }
            types.addAll(List.of(e.getGenericParameterTypes()));
            types.addAll(List.of(e.getGenericExceptionTypes()));
        }
        return types;
    }

    private static boolean visibleMember(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> referencedClasses(Type type, List<Type> seen) {
        List<Class<?>> found = new ArrayList<>();
        if (seen.contains(type)) {
            return found;
        }
        seen.add(type);
        if (type instanceof Class<?> c) {
            found.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            found.addAll(referencedClasses(p.getRawType(), seen));
            for (Type arg : p.getActualTypeArguments()) {
                found.addAll(referencedClasses(arg, seen));
            }
        } else if (type instanceof GenericArrayType a) {
            found.addAll(referencedClasses(a.getGenericComponentType(), seen));
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                found.addAll(referencedClasses(b, seen));
            }
            for (Type b : w.getLowerBounds()) {
                found.addAll(referencedClasses(b, seen));
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                found.addAll(referencedClasses(b, seen));
            }
        }
        return found;
    }
}
