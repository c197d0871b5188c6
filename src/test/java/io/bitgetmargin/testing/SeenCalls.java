package io.bitgetmargin.testing;

import java.util.List;
import java.util.Map;

/** Reading the simulator's records of what Bitget saw. */
public final class SeenCalls {

    private SeenCalls() {
    }

    @SuppressWarnings("unchecked")
    public static String header(Map<String, Object> call, String name) {
        return ((Map<String, String>) call.get("headers")).entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The largest number of calls the simulator received within any 1000 ms window. */
    public static int maxInAnySecond(List<Map<String, Object>> calls) {
        long[] times = calls.stream().mapToLong(call -> ((Number) call.get("receivedAtMillis")).longValue()).sorted().toArray();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.length; end++) {
            while (times[end] - times[start] >= 1000) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    /** How many distinct values a header took across calls. */
    public static long distinct(List<Map<String, Object>> calls, String header) {
        return calls.stream().map(call -> header(call, header)).distinct().count();
    }
}
