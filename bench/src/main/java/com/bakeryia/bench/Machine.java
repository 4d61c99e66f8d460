package com.bakeryia.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** machine.json: what the benchmark ran on, and the load before and after. */
final class Machine {

    private Machine() {
    }

    static void record(Path out, String phase, String loadAtStart) throws Exception {
        ObjectNode m = Files.isRegularFile(out) ? (ObjectNode) Scenarios.JSON.readTree(out.toFile())
                : Scenarios.JSON.createObjectNode();
        if (!m.has("nproc")) {
            m.put("nproc", Runtime.getRuntime().availableProcessors());
            m.put("mem_total_kb", memTotalKb());
            m.put("kernel", read("/proc/sys/kernel/osrelease"));
            m.put("os", osName());
            m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            m.put("open_files_limit", ulimit());
            m.put("ephemeral_ports", read("/proc/sys/net/ipv4/ip_local_port_range").replace('\t', '-'));
        }
        if (loadAtStart != null && !loadAtStart.isBlank()) {
            m.put("loadavg_at_script_start", loadAtStart.strip());
        }
        m.put("loadavg_" + phase, Probe.loadavg());
        m.put("time_" + phase, Instant.now().toString());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Scenarios.JSON.writeValue(out.toFile(), m);
    }

    private static long memTotalKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith("MemTotal:")) {
                return Long.parseLong(l.substring(9).strip().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static String osName() {
        try {
            for (String l : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (l.startsWith("PRETTY_NAME=")) {
                    return l.substring(12).replace("\"", "");
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return System.getProperty("os.name");
    }

    private static String ulimit() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (l.startsWith("Max open files")) {
                    String[] f = l.substring("Max open files".length()).strip().split("\\s+");
                    return f[0] + " soft / " + f[1] + " hard";
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return "";
    }

    private static String read(String path) {
        try {
            // line by line: a single read of some /proc files returned only part of them here
            return String.join("\n", Files.readAllLines(Path.of(path))).strip();
        } catch (Exception e) {
            return "";
        }
    }
}
