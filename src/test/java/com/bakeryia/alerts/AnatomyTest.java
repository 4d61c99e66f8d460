package com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's Anatomy is the map a newcomer reads first: it must name what the tree has. */
class AnatomyTest {

    private static final Pattern CLASS_NAME = Pattern.compile("`@?([A-Z][a-z][A-Za-z0-9]*)`");
    private static final Pattern COMPONENT = Pattern.compile("^- `([a-z.]+)`", Pattern.MULTILINE);

    @Test
    void everyClassTheAnatomyNamesExistsAndEveryComponentIsListed() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String anatomy = readme.substring(readme.indexOf("## Anatomy"));
        Set<String> classes;
        Set<String> packages;
        try (Stream<Path> files = Stream.of(Path.of("src/main/java"), Path.of("src/rar/java"), Path.of("src/test/java"))
                .flatMap(AnatomyTest::walk)) {
            List<Path> sources =
                    files.filter(f -> f.toString().endsWith(".java")).toList();
            classes = sources.stream()
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toSet());
            packages = sources.stream()
                    .filter(f -> f.startsWith("src/main/java") || f.startsWith("src/rar/java"))
                    .map(f -> f.subpath(3, f.getNameCount() - 1).toString().replace('/', '.'))
                    .filter(p -> p.startsWith("com.bakeryia.alerts."))
                    .map(p -> p.substring("com.bakeryia.alerts.".length())
                            .replaceAll("\\.(boundary|control|entity)$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> unknown = new TreeSet<>();
        Matcher names = CLASS_NAME.matcher(anatomy);
        while (names.find()) {
            if (!classes.contains(names.group(1)) && !PLATFORM_TYPES.contains(names.group(1))) {
                unknown.add(names.group(1));
            }
        }
        assertEquals(Set.of(), unknown, "classes the Anatomy names that the tree does not have");
        Set<String> listed = new TreeSet<>();
        Matcher components = COMPONENT.matcher(anatomy);
        while (components.find()) {
            listed.add(components.group(1));
        }
        assertEquals(packages, listed, "components in the tree vs. in the Anatomy");
    }

    /** Jakarta EE and MicroProfile types the Anatomy mentions by name. */
    private static final Set<String> PLATFORM_TYPES =
            Set.of("SseBroadcaster", "JsonWebToken", "PermitAll", "RolesAllowed", "DenyAll");

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
