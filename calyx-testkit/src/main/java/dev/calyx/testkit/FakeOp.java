package dev.calyx.testkit;

/** The operations of {@link FakeRtNetlink}, for call counts and failure injection. */
public enum FakeOp {
    LINKS, LINK_BY_NAME, LINK_BY_INDEX, ADD_VETH, ADD_VXLAN, DELETE_LINK, SET_LINK_UP, SET_LINK_DOWN, RENAME_LINK,
    SET_MTU, SET_MAC, MOVE_TO_NETNS,
    ADDRESSES, ADD_ADDRESS, DELETE_ADDRESS,
    ROUTES, ADD_ROUTE, REPLACE_ROUTE, DELETE_ROUTE,
    NEIGHBORS, ADD_NEIGHBOR, REPLACE_NEIGHBOR, DELETE_NEIGHBOR,
    FDB_ENTRIES, ADD_FDB_ENTRY, REPLACE_FDB_ENTRY, DELETE_FDB_ENTRY,
    SUBSCRIBE;

    /** Whether the operation changes state (everything but listing, getting and subscribing). */
    public boolean isMutating() {
        return switch (this) {
            case LINKS, LINK_BY_NAME, LINK_BY_INDEX, ADDRESSES, ROUTES, NEIGHBORS, FDB_ENTRIES, SUBSCRIBE -> false;
            default -> true;
        };
    }
}
