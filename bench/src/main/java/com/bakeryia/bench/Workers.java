package com.bakeryia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's side of the worker processes: each holds a slice of the streams (a process
 * can hold at most about 19,500 sockets under this machine's open-files limit of 20,000), so the
 * streams of a scenario are split into slices of at most {@code perWorker}.
 */
final class Workers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Proc> procs = new ArrayList<>();

    /**
     * @param common worker options shared by every slice (mode, host, port, tenants, tokens, ...)
     */
    Workers(int streams, int perWorker, String heap, List<String> common) throws IOException {
        int n = Math.max(1, (streams + perWorker - 1) / perWorker);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        int from = 0;
        for (int i = 0; i < n; i++) {
            int count = streams / n + (i < streams % n ? 1 : 0);
            List<String> cmd = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx" + heap, "-XX:+UseParallelGC"));
            // Diagnostics only (e.g. a JFR recording): extra JVM options for the worker processes.
            String extra = System.getenv("BENCH_WORKER_JVM_OPTIONS");
            if (extra != null && !extra.isBlank()) {
                cmd.addAll(List.of(extra.strip().replace("{i}", Integer.toString(i)).split("\\s+")));
            }
            cmd.addAll(List.of("-cp", classpath, Bench.class.getName(), "worker",
                    "--from", Integer.toString(from), "--count", Integer.toString(count)));
            cmd.addAll(common);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            procs.add(new Proc(pb.start(), count));
            from += count;
        }
    }

    int size() {
        return procs.size();
    }

    List<Long> pids() {
        return procs.stream().map(p -> p.process.pid()).toList();
    }

    /** Sends one command to every worker and returns each one's answer (the JSON after the keyword). */
    List<JsonNode> ask(String command, String answer, long timeoutMillis) throws Exception {
        for (Proc p : procs) {
            p.send(command);
        }
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Proc p : procs) {
            String line = p.lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("worker " + p.process.pid() + " did not answer '" + command
                        + "' within " + timeoutMillis + " ms (alive: " + p.process.isAlive() + ")");
            }
            if (!line.startsWith(answer)) {
                throw new IllegalStateException("worker " + p.process.pid() + " answered '" + line + "' to '"
                        + command + "'");
            }
            String rest = line.substring(answer.length()).strip();
            out.add(rest.startsWith("{") ? JSON.readTree(rest) : JSON.getNodeFactory().textNode(rest));
        }
        return out;
    }

    static long sum(List<JsonNode> nodes, String field) {
        long s = 0;
        for (JsonNode n : nodes) {
            s += n.path(field).asLong(0);
        }
        return s;
    }

    static long max(List<JsonNode> nodes, String field) {
        long m = 0;
        for (JsonNode n : nodes) {
            m = Math.max(m, n.path(field).asLong(0));
        }
        return m;
    }

    @Override
    public void close() {
        for (Proc p : procs) {
            try {
                p.send("close");
            } catch (IOException ignored) {
                // already gone
            }
        }
        for (Proc p : procs) {
            try {
                if (!p.process.waitFor(15, TimeUnit.SECONDS)) {
                    p.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Proc {
        final Process process;
        final int count;
        final Writer in;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Proc(Process process, int count) {
            this.process = process;
            this.count = count;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        if (l.startsWith(Worker.PREFIX)) {
                            lines.add(l.substring(Worker.PREFIX.length()));
                        } else {
                            System.err.println("worker " + process.pid() + ": " + l); // the JVM's own output
                        }
                    }
                } catch (IOException ignored) {
                    // the worker ended
                }
            }, "worker-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        void send(String command) throws IOException {
            in.write(command + "\n");
            in.flush();
        }
    }
}
