package dev.calyx.testkit;

import dev.calyx.kernel.netlink.NetlinkException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/** Call counts and queued failures of {@link FakeRtNetlink}; used under its lock. */
final class FakeCalls {
    private final Map<FakeOp, Integer> counts = new EnumMap<>(FakeOp.class);
    private final Map<FakeOp, Deque<Integer>> failures = new EnumMap<>(FakeOp.class);

    /** Counts the call, then throws the queued failure if there is one, naming the operation and object. */
    void begin(FakeOp op, String operation, String object) {
        counts.merge(op, 1, Integer::sum);
        Deque<Integer> queue = failures.get(op);
        if (queue != null && !queue.isEmpty()) {
            throw new NetlinkException(operation, object, queue.removeFirst(), "injected by FakeRtNetlink");
        }
    }

    void failNext(FakeOp op, int errno) {
        failures.computeIfAbsent(op, k -> new ArrayDeque<>()).addLast(errno);
    }

    int count(FakeOp op) {
        return counts.getOrDefault(op, 0);
    }

    int mutating() {
        return counts.entrySet().stream().filter(e -> e.getKey().isMutating()).mapToInt(Map.Entry::getValue).sum();
    }

    void reset() {
        counts.clear();
    }
}
