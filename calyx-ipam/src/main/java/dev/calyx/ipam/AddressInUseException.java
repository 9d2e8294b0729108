package dev.calyx.ipam;

/** A specific address was asked for ({@link IpamClient#assignIp}) but is already allocated or reserved. */
public class AddressInUseException extends IpamException {
    public AddressInUseException(String message) {
        super(message);
    }
}
