package dev.penguinmails.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own files, for tests that check rules over its sources. */
public final class RepositoryFiles {
    private RepositoryFiles() { }

    /** The repository's root: the build's {@code penguinmails.repo.root}, else the first directory up with the modules. */
    public static Path root() {
        String configured = System.getProperty("penguinmails.repo.root");
        Path start = configured == null || configured.isBlank() ? Path.of("").toAbsolutePath() : Path.of(configured);
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("topology"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
