package dev.calyx.kernel.nft;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * FFM handles for the part of libnftables.so.1 (nftables 1.0.x, {@code nftables/libnftables.h}) the library
 * backend uses. The library is looked up on first use, so merely loading this class never needs it.
 */
@SuppressWarnings("restricted") // FFM downcalls are the point of this class; native access is granted in the jar manifest
final class NftLibBindings {
    /** {@code NFT_CTX_DEFAULT}. */
    static final int NFT_CTX_DEFAULT = 0;
    /** {@code NFT_CTX_OUTPUT_HANDLE}: print handles in listings. */
    static final int NFT_CTX_OUTPUT_HANDLE = 1 << 3;
    /** {@code NFT_CTX_OUTPUT_JSON}: listings in JSON. */
    static final int NFT_CTX_OUTPUT_JSON = 1 << 4;

    final MethodHandle ctxNew;
    final MethodHandle ctxFree;
    final MethodHandle bufferOutput;
    final MethodHandle bufferError;
    final MethodHandle getOutputBuffer;
    final MethodHandle getErrorBuffer;
    final MethodHandle runCmdFromBuffer;
    final MethodHandle runCmdFromFilename;
    final MethodHandle outputSetFlags;
    final MethodHandle setDryRun;

    private NftLibBindings(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        ctxNew = handle(linker, lib, "nft_ctx_new", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        ctxFree = handle(linker, lib, "nft_ctx_free", FunctionDescriptor.ofVoid(ADDRESS));
        bufferOutput = handle(linker, lib, "nft_ctx_buffer_output", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        bufferError = handle(linker, lib, "nft_ctx_buffer_error", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getOutputBuffer = handle(linker, lib, "nft_ctx_get_output_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        getErrorBuffer = handle(linker, lib, "nft_ctx_get_error_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        runCmdFromBuffer = handle(linker, lib, "nft_run_cmd_from_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        runCmdFromFilename = handle(linker, lib, "nft_run_cmd_from_filename", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        outputSetFlags = handle(linker, lib, "nft_ctx_output_set_flags", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        setDryRun = handle(linker, lib, "nft_ctx_set_dry_run", FunctionDescriptor.ofVoid(ADDRESS, JAVA_BOOLEAN));
    }

    /** Loads libnftables.so.1 for the life of the JVM; throws naming the library when it is not installed. */
    static NftLibBindings load() {
        try {
            return new NftLibBindings(SymbolLookup.libraryLookup("libnftables.so.1", Arena.global()));
        } catch (IllegalArgumentException e) {
            throw new NftException("load libnftables.so.1 (Debian package libnftables1): " + e.getMessage(), e);
        }
    }

    /** A NUL-terminated C string as Java text; empty for NULL. */
    static String string(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? "" : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static MethodHandle handle(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        return linker.downcallHandle(lib.find(name).orElseThrow(
                () -> new NftException("libnftables.so.1 has no symbol " + name)), fd);
    }
}
