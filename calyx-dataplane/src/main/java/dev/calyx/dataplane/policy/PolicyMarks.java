package dev.calyx.dataplane.policy;

/**
 * The packet-mark bits the policy chains use to carry a decision back to the chain that jumped (Calico's
 * {@code 0x10000} accept and {@code 0x20000} pass bits, §3.2). Only these bits are ever set or cleared, so marks
 * other software uses (kube-proxy's 0x4000/0x8000) survive.
 */
final class PolicyMarks {
    static final String ACCEPT = "0x00010000";
    static final String PASS = "0x00020000";
    /** Every bit except ACCEPT and PASS. */
    static final String KEEP_OTHERS = "0xfffcffff";
    /** Every bit except PASS. */
    static final String KEEP_ALL_BUT_PASS = "0xfffdffff";

    static final String CLEAR_BOTH = "meta mark set meta mark and " + KEEP_OTHERS;
    static final String CLEAR_PASS = "meta mark set meta mark and " + KEEP_ALL_BUT_PASS;
    static final String IF_ACCEPTED = "meta mark and " + ACCEPT + " == " + ACCEPT;
    static final String IF_NOT_ACCEPTED = "meta mark and " + ACCEPT + " == 0";
    static final String IF_NOT_PASSED = "meta mark and " + PASS + " == 0";
    static final String SET_ACCEPT_AND_RETURN = "meta mark set meta mark or " + ACCEPT + " return";
    static final String SET_PASS_AND_RETURN = "meta mark set meta mark or " + PASS + " return";

    private PolicyMarks() {
    }
}
