package com.bakeryia.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package with code says in its package-info.java what it is for, so the tree explains itself. */
class PackageDocsTest {

    @Test
    void everyPackageWithCodeHasAPackageInfo() throws IOException {
        List<Path> undocumented;
        try (Stream<Path> files =
                Stream.of(Path.of("src/main/java"), Path.of("src/rar/java")).flatMap(PackageDocsTest::walk)) {
            undocumented = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), undocumented, "packages without a package-info.java");
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
