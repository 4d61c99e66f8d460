package com.bakeryia.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a results folder and prints (and writes to summary.txt) the Markdown table of the run. */
final class Report {

    private static final List<String> ORDER = List.of("idle", "fanout", "ingest", "deliveries", "peer-idle", "peer");

    private Report() {
    }

    static void print(Path dir) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("## Bakery-IA alerts benchmark: ").append(dir.getFileName()).append("\n\n");
        Path machine = dir.resolve("machine.json");
        if (Files.isRegularFile(machine)) {
            JsonNode m = Scenarios.JSON.readTree(machine.toFile());
            out.append(String.format(Locale.ROOT,
                    "Machine: %d cores, %.1f GiB, %s, kernel %s, %s; open files %s; ephemeral ports %s; "
                            + "loadavg at start [%s], before the scenarios [%s], after [%s]%n%n",
                    m.path("nproc").asInt(), m.path("mem_total_kb").asLong() / 1048576.0, m.path("os").asText(),
                    m.path("kernel").asText(), m.path("java").asText(), m.path("open_files_limit").asText(),
                    m.path("ephemeral_ports").asText(), m.path("loadavg_at_script_start").asText(""),
                    m.path("loadavg_before").asText(), m.path("loadavg_after").asText("")));
        }
        out.append("| scenario | target | streams | workload | throughput | latency ms p50 / p90 / p99 / p99.9 / max "
                + "| lost / dup | memory per stream | server CPU |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        List<String> summaries = new ArrayList<>();
        JsonNode peer = null;
        JsonNode fanout = null;
        JsonNode idle = null;
        JsonNode peerIdle = null;
        for (String name : ORDER) {
            Path f = dir.resolve(name + ".json");
            if (!Files.isRegularFile(f)) {
                continue;
            }
            JsonNode r = Scenarios.JSON.readTree(f.toFile());
            summaries.add(r.path("summary").asText());
            if (name.equals("peer")) {
                peer = r;
            }
            if (name.equals("fanout")) {
                fanout = r;
            }
            if (name.equals("idle")) {
                idle = r;
            }
            if (name.equals("peer-idle")) {
                peerIdle = r;
            }
            out.append(row(name, r)).append('\n');
        }
        boolean fanoutPair = peer != null && peer.has("ratio_application_to_nchan");
        boolean idlePair = idle != null && peerIdle != null;
        if (fanoutPair || idlePair) {
            out.append("\n| application (Liberty) vs Nchan | application | Nchan | application / Nchan |\n");
            out.append("|---|---|---|---|\n");
        }
        if (fanoutPair) {
            JsonNode ratio = peer.path("ratio_application_to_nchan");
            compare(out, "fan-out: deliveries/s", fanout, peer, "/deliveries/per_second", ratio.path("deliveries_per_s"), 1);
            compare(out, "fan-out: latency p50 (ms)", fanout, peer, "/latency_us/p50_us", ratio.path("latency_p50_us"), 1000);
            compare(out, "fan-out: latency p99 (ms)", fanout, peer, "/latency_us/p99_us", ratio.path("latency_p99_us"), 1000);
            compare(out, "fan-out: latency p99.9 (ms)", fanout, peer, "/latency_us/p999_us",
                    ratio.path("latency_p999_us"), 1000);
            compare(out, "fan-out: latency max (ms)", fanout, peer, "/latency_us/max_us", ratio.path("latency_max_us"), 1000);
            compare(out, "fan-out: server CPU µs per delivery", fanout, peer, "/cpu/server_us_per_delivery",
                    ratio.path("server_cpu_us_per_delivery"), 1);
        }
        if (idlePair) {
            idleRow(out, "idle: memory per stream (KiB; RSS / PSS)", idle.at("/memory_per_stream/rss_kib"),
                    peerIdle.at("/memory_per_stream/pss_kib"));
            idleRow(out, "idle: connects/s (middle half)", idle.at("/connections/per_second_middle_half"),
                    peerIdle.at("/connections/per_second_middle_half"));
        }
        if (fanoutPair && !peer.at("/ratio_application_to_nchan/same_workload").asBoolean(false)) {
            out.append("\n(the two fan-outs did not run the same workload: compare with care)\n");
        }
        out.append("\n");
        for (String s : summaries) {
            out.append("- ").append(s).append('\n');
        }
        String text = out.toString();
        Files.writeString(dir.resolve("summary.txt"), text);
        System.out.print(text);
    }

    private static String row(String name, JsonNode r) {
        String target = r.path("target").asText();
        JsonNode c = r.path("connections");
        String streams = c.path("established").asLong() + "/" + c.path("requested").asLong();
        JsonNode p = r.path("params");
        String workload;
        String throughput;
        String latency = latency(r.path("latency_us"));
        String lostDup = r.has("deliveries")
                ? r.at("/deliveries/lost").asLong() + " / " + r.at("/deliveries/duplicated").asLong() : "–";
        String memory;
        String cpu;
        switch (name) {
            case "idle", "peer-idle" -> {
                workload = "hold " + p.path("hold_s").asLong() + " s, " + p.path("tenants").asInt() + " tenants";
                throughput = num(c.path("per_second"), 0) + " connects/s (middle half "
                        + num(c.path("per_second_middle_half"), 0) + "/s)";
                cpu = "connect: " + num(c.at("/cpu/server_pct_of_one_core"), 0) + "% of a core";
            }
            case "ingest" -> {
                workload = p.path("alerts").asLong() + " alerts, max rate";
                JsonNode storedRate = r.at("/store/stored_per_s_by_stored_at").isNumber()
                        ? r.at("/store/stored_per_s_by_stored_at") : r.at("/store/stored_per_s");
                throughput = "published " + num(r.at("/publish/per_second"), 0) + "/s; stored "
                        + num(storedRate, 0) + "/s; last seen after "
                        + num(r.at("/streams/seconds_until_last_seen"), 1) + " s";
                cpu = num(r.at("/cpu/server_pct_of_one_core"), 0) + "% of a core";
            }
            case "deliveries" -> {
                streams = "–";
                workload = p.path("alerts").asLong() + " alerts → 1 email each, " + p.path("tenants").asInt()
                        + " tenants";
                throughput = num(r.at("/deliveries/per_second"), 1) + " emails/s (SMTP sink alone "
                        + num(r.at("/sink_alone/per_second"), 0) + "/s)";
                cpu = num(r.at("/cpu/server_pct_of_one_core"), 0) + "% of a core (idle "
                        + num(r.at("/cpu/server_pct_of_one_core_before_publishing"), 0) + "%), "
                        + num(r.at("/cpu/server_us_per_delivery"), 0) + " µs/email";
            }
            default -> {
                workload = num(p.path("rate_per_s"), 0) + " alerts/s × " + num(p.path("duration_s"), 0) + " s, "
                        + p.path("tenants").asInt() + " tenants";
                throughput = num(r.at("/deliveries/per_second"), 0) + " deliveries/s (expected "
                        + num(p.path("expected_deliveries_per_s"), 0) + ")";
                cpu = num(r.at("/cpu/server_pct_of_one_core"), 0) + "% of a core (idle "
                        + num(r.at("/cpu/server_pct_of_one_core_before_publishing"), 0) + "%), "
                        + num(r.at("/cpu/server_us_per_delivery"), 0) + " µs/delivery";
            }
        }
        JsonNode per = r.path("memory_per_stream");
        List<String> parts = new ArrayList<>();
        per.fields().forEachRemaining(e -> parts.add(e.getKey().replace("_kib", "") + " " + num(e.getValue(), 1) + " KiB"));
        // only the idle scenarios start from a fresh server; the fan-outs' figures are in their JSON
        memory = parts.isEmpty() || !name.contains("idle") ? "–" : String.join(", ", parts);
        return "| " + name + " | " + target + " | " + streams + " | " + workload + " | " + throughput + " | " + latency
                + " | " + lostDup + " | " + memory + " | " + cpu + " |";
    }

    private static String latency(JsonNode l) {
        if (l == null || !l.has("p50_us")) {
            return "–";
        }
        return String.join(" / ", List.of(msText(l.path("p50_us")), msText(l.path("p90_us")), msText(l.path("p99_us")),
                msText(l.path("p999_us")), msText(l.path("max_us"))));
    }

    private static void compare(StringBuilder out, String label, JsonNode app, JsonNode nchan, String ptr, JsonNode ratio,
                                double divisor) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label,
                app == null ? "–" : scaled(app.at(ptr), divisor), scaled(nchan.at(ptr), divisor), num(ratio, 2)));
    }

    private static void idleRow(StringBuilder out, String label, JsonNode app, JsonNode nchan) {
        String ratio = app.isNumber() && nchan.isNumber() && nchan.asDouble() != 0
                ? String.format(Locale.ROOT, "%.2f", app.asDouble() / nchan.asDouble()) : "–";
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, num(app, 1), num(nchan, 1), ratio));
    }

    private static String scaled(JsonNode n, double divisor) {
        return n.isNumber() ? String.format(Locale.ROOT, divisor == 1 ? "%.0f" : "%.1f", n.asDouble() / divisor) : "–";
    }

    private static String msText(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f", n.asDouble() / 1000.0) : "–";
    }

    private static String num(JsonNode n, int decimals) {
        if (n == null || !n.isNumber()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", n.asDouble());
    }
}
