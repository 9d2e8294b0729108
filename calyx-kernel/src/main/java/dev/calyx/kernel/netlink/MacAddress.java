package dev.calyx.kernel.netlink;

import java.util.HexFormat;

/** A 48-bit Ethernet address, held as a long; prints as {@code 0a:58:0a:f4:00:05}. */
public record MacAddress(long value) {
    public MacAddress {
        if ((value & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(value));
        }
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (also with '-'). */
    public static MacAddress parse(String text) {
        String[] parts = text.split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("invalid MAC address '" + text + "': need 6 hex octets");
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                throw new IllegalArgumentException("invalid MAC address '" + text + "'");
            }
            try {
                v = (v << 8) | Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid MAC address '" + text + "'");
            }
        }
        return new MacAddress(v);
    }

    /** From 6 bytes (network order); IllegalArgumentException for any other length. */
    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("MAC address needs 6 bytes, got " + bytes.length);
        }
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        return new MacAddress(v);
    }

    public byte[] bytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >>> (8 * (5 - i)));
        }
        return b;
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes());
    }
}
