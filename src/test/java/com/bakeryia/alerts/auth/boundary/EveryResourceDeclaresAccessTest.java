package com.bakeryia.alerts.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bakeryia.alerts.auth.control.AccessRules;
import com.bakeryia.alerts.platform.AlertsApplication;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, checked at build time: every JAX-RS resource method of the application (a
 * method with an HTTP-method annotation, or a {@code @Path} sub-resource locator, in a class with
 * {@code @Path} under {@code com.bakeryia.alerts}) declares {@code @PermitAll},
 * {@code @RolesAllowed} or {@code @DenyAll}, on itself or its class. At run time the access filter
 * refuses one that does not; this test names it before it ships.
 */
class EveryResourceDeclaresAccessTest {

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> resources = resourceClasses();
        List<String> undeclared =
                resources.stream().flatMap(c -> undeclared(c).stream()).toList();
        assertEquals(List.of(), undeclared, "resource methods without @PermitAll, @RolesAllowed or @DenyAll");
    }

    @Test
    void theScanSeesTheApplicationsResources() throws Exception {
        List<String> names =
                resourceClasses().stream().map(Class::getSimpleName).toList();
        assertTrue(
                names.containsAll(
                        List.of("AlertsResource", "EventsResource", "MembershipsResource", "DemoLoginResource")),
                names.toString());
        long methods = resourceClasses().stream()
                .mapToLong(c -> resourceMethods(c).count())
                .sum();
        assertTrue(methods >= 9, "resource methods found: " + methods);
    }

    @Path("fixture")
    static class Fixture {
        @GET
        public String forgotten() {
            return "";
        }

        @POST
        @PermitAll
        public String open() {
            return "";
        }

        @Path("sub")
        public Object locatorForgotten() {
            return null;
        }

        public String notAResourceMethod() {
            return "";
        }
    }

    @Path("fixture")
    @RolesAllowed("admins")
    static class CoveredByItsClass {
        @GET
        public String inherits() {
            return "";
        }
    }

    @Test
    void namesEveryMethodThatDeclaresNothing() {
        assertEquals(
                List.of(Fixture.class.getName() + ".forgotten", Fixture.class.getName() + ".locatorForgotten"),
                undeclared(Fixture.class).stream().sorted().toList());
        assertEquals(List.of(), undeclared(CoveredByItsClass.class));
    }

    static List<String> undeclared(Class<?> resource) {
        return resourceMethods(resource)
                .filter(m -> AccessRules.of(m, resource).kind() == AccessRules.Kind.UNDECLARED)
                .map(m -> resource.getName() + "." + m.getName())
                .toList();
    }

    static Stream<Method> resourceMethods(Class<?> resource) {
        return Arrays.stream(resource.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.isAnnotationPresent(Path.class)
                        || Arrays.stream(m.getAnnotations())
                                .map(Annotation::annotationType)
                                .anyMatch(type -> type.isAnnotationPresent(HttpMethod.class)));
    }

    /**
     * Every class with {@code @Path} in the application's compiled classes (not the tests'); an
     * interface with {@code @Path} is a REST client's, which serves nothing.
     */
    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(AlertsApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("com/bakeryia/alerts"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(
                        name.substring(0, name.length() - ".class".length()),
                        false,
                        EveryResourceDeclaresAccessTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class) && !type.isInterface()) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
