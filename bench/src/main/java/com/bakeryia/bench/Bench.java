package com.bakeryia.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's command line. Scenarios (each writes {@code --out FILE}, JSON, and prints its
 * one-line summary): {@code idle}, {@code fanout}, {@code ingest}, {@code deliveries}, {@code peer}. Tools:
 * {@code keygen --dir D}, {@code machine --out F --phase before|after}, {@code report --dir D},
 * {@code smtp-sink-check --messages M --connections C} (the deliveries' SMTP sink alone).
 * {@code worker} is internal (a process holding a slice of the streams). bench/run.sh runs it all.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench idle|fanout|ingest|deliveries|peer|peer-idle|smtp-sink-check|keygen|machine|report|worker [--option value ...]");
            System.exit(2);
        }
        Args a = new Args(argv, 1);
        switch (argv[0]) {
            case "worker" -> {
                Worker.main(a);
                System.exit(0);
            }
            case "keygen" -> Jwt.generate(Path.of(a.required("dir")));
            case "machine" -> Machine.record(Path.of(a.required("out")), a.str("phase", "before"),
                    a.str("loadavg-at-start", null));
            case "report" -> Report.print(Path.of(a.required("dir")));
            case "idle" -> write(a, Scenarios.idle(a, "idle"));
            case "peer-idle" -> write(a, Scenarios.idle(withTarget(argv, "nchan"), "peer-idle"));
            case "fanout" -> write(a, Scenarios.fanout(a, "fanout"));
            case "peer" -> write(a, Scenarios.peer(withTarget(argv, "nchan")));
            case "ingest" -> write(a, Scenarios.ingest(a));
            case "deliveries" -> write(a, Deliveries.run(a));
            case "smtp-sink-check" -> System.out.println(Scenarios.JSON.writeValueAsString(
                    SmtpLoad.run(a.integer("messages", 5000), a.integer("connections", 64))));
            default -> {
                System.err.println("unknown command " + argv[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static Args withTarget(String[] argv, String target) {
        String[] more = new String[argv.length + 2];
        System.arraycopy(argv, 0, more, 0, argv.length);
        more[argv.length] = "--target";
        more[argv.length + 1] = target;
        return new Args(more, 1);
    }

    private static void write(Args a, Map<String, Object> result) throws Exception {
        result.put("loadavg_after", Probe.loadavg());
        result.put("finished_at", java.time.Instant.now().toString());
        Path out = Path.of(a.required("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Scenarios.JSON.writeValue(out.toFile(), result);
        System.out.println(result.get("summary"));
    }

    /** Tenant {@code t}: the prefix and three digits (bench-t000 ... bench-t099). */
    static String tenant(String prefix, int t) {
        return prefix + String.format(Locale.ROOT, "%03d", t);
    }
}
