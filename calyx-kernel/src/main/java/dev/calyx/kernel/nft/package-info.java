/**
 * nftables access: a transaction builder that renders one {@code nft -f} script, backends that apply it atomically
 * ({@link dev.calyx.kernel.nft.NftExecBackend} by default, {@link dev.calyx.kernel.nft.NftLibBackend} behind a flag)
 * and small records of what a table holds, parsed from {@code nft -j} listings.
 */
package dev.calyx.kernel.nft;
