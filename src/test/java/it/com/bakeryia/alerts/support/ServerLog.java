package it.com.bakeryia.alerts.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's messages.log (under {@code it.server.logs}), read from a mark: what a test caused.
 * Lines are {@code [date] thread logger L message}, L the level (E for ERROR); a stack trace
 * follows its entry on lines of its own.
 */
public final class ServerLog {

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** From the current end of messages.log on. */
    public static ServerLog mark() {
        Path file = Path.of(System.getProperty("it.server.logs"), "messages.log");
        try {
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ERROR entries since the mark, each with the lines that followed it (its stack trace). */
    public List<String> errorsSince() {
        List<String> errors = new ArrayList<>();
        StringBuilder current = null;
        for (String line : linesSince()) {
            if (line.startsWith("[")) {
                if (current != null) {
                    errors.add(current.toString());
                }
                current = line.matches("^\\[[^]]+] [0-9a-f]{8} \\S+\\s+E .*") ? new StringBuilder(line) : null;
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            errors.add(current.toString());
        }
        return errors;
    }

    /** The ERROR entries since the mark that carry a stack trace. */
    public List<String> stackTracesSince() {
        return errorsSince().stream()
                .filter(e -> e.contains("\n\tat ")
                        || e.contains("\n        at ")
                        || e.contains("Exception:")
                        || e.contains("server_error")
                        || e.contains("Unexpected error"))
                .toList();
    }

    private List<String> linesSince() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = length < mark ? 0 : mark; // rolled over: read the new file whole
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
