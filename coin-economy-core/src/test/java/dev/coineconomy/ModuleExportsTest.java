package dev.coineconomy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled module descriptor exports the API packages only. Surefire runs the tests on the class
 * path ({@code useModulePath=false}), so the descriptor is read from {@code target/classes}.
 */
class ModuleExportsTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Set<String> API = Set.of(
            "dev.coineconomy",
            "dev.coineconomy.money",
            "dev.coineconomy.catalog",
            "dev.coineconomy.policy",
            "dev.coineconomy.ledger",
            "dev.coineconomy.store",
            "dev.coineconomy.stream",
            "dev.coineconomy.event",
            "dev.coineconomy.profile",
            "dev.coineconomy.finance");
    private static final String RESOURCES = "dev.coineconomy.reference";

    private static ModuleDescriptor descriptor() {
        assertTrue(Files.isRegularFile(CLASSES.resolve("module-info.class")),
                () -> "no module-info.class in " + CLASSES.toAbsolutePath());
        return ModuleFinder.of(CLASSES).find("dev.coineconomy").orElseThrow().descriptor();
    }

    @Test
    void exportsExactlyTheApiPackages() {
        ModuleDescriptor d = descriptor();
        assertEquals("dev.coineconomy", d.name());
        assertFalse(d.isOpen());
        assertFalse(d.isAutomatic());
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(API, exported);
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified), d.exports()::toString);
        assertTrue(d.opens().isEmpty(), d.opens()::toString);
        assertTrue(d.packages().contains("dev.coineconomy.internal"), d.packages()::toString);
        assertFalse(exported.contains("dev.coineconomy.internal"));
        assertFalse(exported.contains("dev.coineconomy.internal.jdbc"));
        // the code packages plus the resource-only package of the bundled reference CSVs (encapsulated;
        // Catalog.reference() reads them from inside the module)
        Set<String> all = new TreeSet<>(API);
        all.add("dev.coineconomy.internal");
        all.add("dev.coineconomy.internal.jdbc"); // JdbcLedgerStore's engine and its migration SQL files
        all.add(RESOURCES);
        assertEquals(all, new TreeSet<>(d.packages()));
    }

    @Test
    void requiresOnlySlf4jAndTheJdk() {
        Set<String> requires = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertTrue(requires.contains("org.slf4j"), requires::toString);
        assertEquals(Set.of("java.base", "java.sql", "org.slf4j"), requires);
        assertTrue(descriptor().requires().stream().filter(r -> r.name().equals("org.slf4j"))
                .noneMatch(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)));
    }

    @Test
    void everyPackageHasPackageInfo() throws IOException {
        Set<String> compiled = packagesWithClasses(CLASSES);
        Set<String> expected = new TreeSet<>(descriptor().packages());
        expected.remove(RESOURCES);
        assertEquals(expected, compiled);
        for (String pkg : compiled) {
            Path dir = CLASSES.resolve(pkg.replace('.', '/'));
            assertTrue(Files.isRegularFile(dir.resolve("package-info.class")), () -> pkg + " has no package-info.class");
        }
        if (Files.isDirectory(SOURCES)) {
            Set<String> sources = packagesWithFiles(SOURCES, ".java");
            sources.remove("");
            assertEquals(compiled, sources);
            for (String pkg : sources) {
                Path dir = SOURCES.resolve(pkg.replace('.', '/'));
                assertTrue(Files.isRegularFile(dir.resolve("package-info.java")), () -> pkg + " has no package-info.java");
            }
        }
    }

    private static Set<String> packagesWithClasses(Path root) throws IOException {
        Set<String> packages = packagesWithFiles(root, ".class");
        packages.remove(""); // module-info.class
        return packages;
    }

    private static Set<String> packagesWithFiles(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .map(f -> root.relativize(f.getParent() == null ? root : f.getParent()))
                    .map(p -> p.toString().replace(java.io.File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
