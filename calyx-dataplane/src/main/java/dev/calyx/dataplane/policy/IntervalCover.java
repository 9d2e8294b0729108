package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftDataType;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The elements an nft interval set can actually hold for a set of CIDRs. A calc IP set may hold nested nets (a
 * network set's 10.0.0.0/8 and a pod's 10.0.3.4 both match one selector); ipset's hash:net takes both, but an nft
 * interval set refuses overlapping intervals and the whole transaction would fail. Keeping only the outermost
 * nets matches the same addresses. Because desired elements are recomputed from all members, removing the outer
 * net brings the inner ones back in the same pass. Elements are in nft's listed form (canonical); anything that is
 * not an address or prefix (a range) is kept as is.
 */
final class IntervalCover {
    private record Interval(BigInteger start, BigInteger end, String element) {
    }

    private IntervalCover() {
    }

    static SortedSet<String> of(NftDataType type, Collection<String> elements) {
        if (elements.size() < 2 || (type != NftDataType.IPV4_ADDR && type != NftDataType.IPV6_ADDR)) {
            return new TreeSet<>(elements);
        }
        List<Interval> intervals = new ArrayList<>(elements.size());
        SortedSet<String> out = new TreeSet<>();
        for (String e : elements) {
            Interval i = parse(e);
            if (i == null) {
                out.add(e);
            } else {
                intervals.add(i);
            }
        }
        intervals.sort(Comparator.comparing(Interval::start).thenComparing(Interval::end, Comparator.reverseOrder()));
        BigInteger coveredTo = null;
        for (Interval i : intervals) {
            if (coveredTo == null || i.end().compareTo(coveredTo) > 0) {
                out.add(i.element());
                coveredTo = i.end();
            }
        }
        return out;
    }

    private static Interval parse(String element) {
        if (element.indexOf('-') >= 0) {
            return null;
        }
        int slash = element.indexOf('/');
        String addr = slash < 0 ? element : element.substring(0, slash);
        try {
            byte[] bytes = InetAddress.ofLiteral(addr).getAddress();
            int bits = bytes.length * 8;
            int len = slash < 0 ? bits : Integer.parseInt(element.substring(slash + 1));
            BigInteger start = new BigInteger(1, bytes);
            BigInteger size = BigInteger.ONE.shiftLeft(bits - len);
            return new Interval(start, start.add(size).subtract(BigInteger.ONE), element);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
