package io.bitgetmargin.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bitgetmargin.testing.FacadeRequests;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.ServiceProcess;
import io.bitgetmargin.testing.Simulator;

/**
 * Four callers of different appetites share one Bitget account for a bounded time, against the packaged jar and the
 * loopback simulator: {@code flood} keeps 24 changes in flight, {@code steady} 2, {@code bursty} sends 8 at once every
 * 2 s, {@code light} one every 0.5 s; each toggles its symbols between the two modes, and waits a second after a 429.
 * Prints, per caller, what it sent, its answers (a 200 may be UNCHANGED, after a refused toggle), its share of the
 * changes Bitget saw and its turns at the limiter; exits 1 if Bitget saw more than 5 changes in a second or saw none
 * of some caller's.
 * <p>
 * {@code FairShareRun [seconds]} (bench/fair-share.sh)
 */
public final class FairShareRun {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A caller: its label (its token's), how many changes it keeps in flight, and how it paces them. */
    private record Appetite(String label, int workers, long pauseMillis, int burst) {
        String token() {
            return label + "-bench-token";
        }

        String prefix() {
            return label.toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static final List<Appetite> CALLERS = List.of(new Appetite("flood", 24, 0, 0),
            new Appetite("steady", 2, 0, 0), new Appetite("bursty", 0, 2000, 8), new Appetite("light", 1, 500, 0));

    private record Tally(AtomicInteger sent, AtomicInteger made, AtomicInteger refused, AtomicInteger other) {
        Tally() {
            this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        LoopbackBitget bitget = new LoopbackBitget();
        String bitgetUrl = bitget.startServer();
        System.setProperty("loopback-bitget.url", bitgetUrl);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Appetite caller : CALLERS) {
            String prefix = "BITGET_MARGIN_TOKENS_" + caller.label().toUpperCase(java.util.Locale.ROOT);
            environment.put(prefix + "_TOKEN", caller.token());
            environment.put(prefix + "_ACCOUNTS", "default");
        }
        Process service = LoadRun.startService(bitgetUrl, environment);
        boolean passed;
        try {
            String facade = "http://127.0.0.1:" + LoadRun.awaitPort(service);
            Simulator.reset();
            passed = run(facade, seconds);
        } finally {
            ServiceProcess.stop(service);
            bitget.stop();
        }
        if (!passed) {
            System.exit(1);
        }
    }

    private static boolean run(String facade, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        ExecutorService workers = Executors.newCachedThreadPool();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Appetite caller : CALLERS) {
            Tally tally = new Tally();
            tallies.put(caller.label(), tally);
            int symbols = Math.max(caller.workers(), caller.burst());
            for (int i = 0; i < symbols; i++) {
                Simulator.arrange(caller.prefix() + i + "USDT", Map.of("productType", "USDT-FUTURES", "marginCoin", "USDT"));
            }
            if (caller.burst() > 0) {
                workers.submit(() -> bursts(http, facade, caller, tally, end));
            } else {
                for (int i = 0; i < caller.workers(); i++) {
                    String symbol = caller.prefix() + i + "USDT";
                    workers.submit(() -> loop(http, facade, caller, symbol, tally, end));
                }
            }
        }
        workers.shutdown();
        if (!workers.awaitTermination(seconds + REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        List<Map<String, Object>> seen = Simulator.calls(Simulator.SET_MARGIN_MODE);
        int most = SeenCalls.maxInAnySecond(seen);
        System.out.printf("one account, %d s, Bitget saw %d changes, at most %d in any second (limit 5)%n", seconds,
                seen.size(), most);
        System.out.printf("%-8s %6s %6s %6s %6s %14s %14s%n", "caller", "sent", "200", "429", "other",
                "changes seen", "share of all");
        boolean everyoneServed = true;
        for (Appetite caller : CALLERS) {
            Tally tally = tallies.get(caller.label());
            long changes = seen.stream().filter(call -> String.valueOf(call.get("body"))
                    .contains("\"symbol\":\"" + caller.prefix())).count();
            System.out.printf("%-8s %6d %6d %6d %6d %14d %13.0f%%%n", caller.label(), tally.sent().get(),
                    tally.made().get(), tally.refused().get(), tally.other().get(), changes,
                    seen.isEmpty() ? 0.0 : 100.0 * changes / seen.size());
            everyoneServed &= changes > 0;
        }
        System.out.println("turns per caller (bitget_margin_limiter_turns_total): granted/refused, set-margin-mode and "
                + "account reads (a change reads first)");
        for (Appetite caller : CALLERS) {
            System.out.printf("  %-7s set-margin-mode %s/%s, account %s/%s%n", caller.label(),
                    turns(http, facade, caller.label(), "set-margin-mode", "granted"),
                    turns(http, facade, caller.label(), "set-margin-mode", "refused"),
                    turns(http, facade, caller.label(), "account", "granted"),
                    turns(http, facade, caller.label(), "account", "refused"));
        }
        boolean ok = most <= 5 && everyoneServed;
        System.out.println(ok ? "PASSED: within Bitget's limit, every caller served"
                : "FAILED: " + (most > 5 ? "Bitget saw more than its limit; " : "") + (everyoneServed ? ""
                        : "Bitget saw no change of some caller"));
        return ok;
    }

    private static String turns(HttpClient http, String facade, String caller, String endpoint, String outcome) {
        String count = LoadRun.counter(http, facade, "bitget_margin_limiter_turns_total\\{caller=\"" + caller
                + "\",endpoint=\"" + endpoint + "\",outcome=\"" + outcome + "\"[^}]*\\}");
        return count.endsWith(".0") ? count.substring(0, count.length() - 2) : count;
    }

    private static void loop(HttpClient http, String facade, Appetite caller, String symbol, Tally tally, long end) {
        boolean isolated = true;
        while (System.nanoTime() < end) {
            change(http, facade, caller, symbol, isolated ? "isolated" : "crossed", tally);
            isolated = !isolated;
            pause(caller.pauseMillis());
        }
    }

    private static void bursts(HttpClient http, String facade, Appetite caller, Tally tally, long end) {
        boolean isolated = true;
        while (System.nanoTime() < end) {
            List<Thread> burst = new ArrayList<>();
            String mode = isolated ? "isolated" : "crossed";
            for (int i = 0; i < caller.burst(); i++) {
                String symbol = caller.prefix() + i + "USDT";
                Thread thread = new Thread(() -> change(http, facade, caller, symbol, mode, tally));
                thread.start();
                burst.add(thread);
            }
            for (Thread thread : burst) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            isolated = !isolated;
            pause(caller.pauseMillis());
        }
    }

    private static void change(HttpClient http, String facade, Appetite caller, String symbol, String mode, Tally tally) {
        HttpRequest request = FacadeRequests.changeMarginMode(facade, caller.token(), symbol, mode, REQUEST_TIMEOUT);
        tally.sent().incrementAndGet();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status == 200 ? tally.made() : status == 429 ? tally.refused() : tally.other()).incrementAndGet();
            if (status == 429) {
                // A refused caller waits before it tries again, as Retry-After asks.
                pause(1000);
            }
        } catch (Exception e) {
            tally.other().incrementAndGet();
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
