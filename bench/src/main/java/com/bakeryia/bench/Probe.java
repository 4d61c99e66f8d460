package com.bakeryia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Readings of processes and of the machine from /proc, of the application from /metrics, and a
 * full GC of a JVM through jcmd.
 */
final class Probe {

    /** Linux reports process CPU in clock ticks of 1/100 s (USER_HZ) on every supported arch. */
    static final double TICK_SECONDS = 0.01;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Probe() {
    }

    /** A /proc/PID/status field in kB (VmRSS, VmHWM, ...), or -1. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Proportional set size in kB (shared pages split among their users), or -1. */
    static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** utime + stime of a process, in seconds, or -1 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 ppid=1 ... utime=11 stime=12
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_SECONDS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double cpuSeconds(List<Long> pids) {
        double s = 0;
        for (long p : pids) {
            s += Math.max(0, cpuSeconds(p));
        }
        return s;
    }

    /** System (kernel) CPU seconds of the processes, summed: stime only. */
    static double sysSeconds(List<Long> pids) {
        double s = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                s += Long.parseLong(f[12]) * TICK_SECONDS;
            } catch (IOException | RuntimeException e) {
                // gone
            }
        }
        return s;
    }

    /** The process and its direct children (nginx: master and workers). */
    static List<Long> withChildren(long pid) {
        List<Long> out = new ArrayList<>();
        out.add(pid);
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) {
                        out.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException ignored) {
                    // gone meanwhile
                }
            });
        } catch (IOException ignored) {
            // no /proc
        }
        return out;
    }

    /** Busy and total jiffies of the whole machine from /proc/stat. */
    static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs a full GC in the JVM through jcmd (GC.run = System.gc()); true if jcmd succeeded. */
    static boolean gc(long pid) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** jcmd's answer to a command (VM.flags, VM.command_line, ...), or "". */
    static String jcmd(long pid, String command) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
            return new String(out).strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The Prometheus text of a MicroProfile Metrics endpoint, as name -> value; labels are
     * dropped (the first sample of a name wins).
     */
    static Map<String, Double> metrics(String url) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return out;
            }
            for (String line : r.body().split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String name = brace > 0 && brace < space ? line.substring(0, brace) : line.substring(0, space).strip();
                try {
                    out.putIfAbsent(name, Double.parseDouble(line.substring(space + 1).strip()));
                } catch (NumberFormatException ignored) {
                    // not a sample
                }
            }
        } catch (IOException e) {
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    static int httpStatus(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
