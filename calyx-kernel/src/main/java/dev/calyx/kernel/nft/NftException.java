package dev.calyx.kernel.nft;

import java.util.Optional;

/**
 * nft refused a transaction or a listing. When nft named a line of the script, {@link #line()} is that line,
 * {@link #lineText()} its text and {@link #op()} the builder call that rendered it; {@link #nftMessage()} is
 * nft's own message ("Could not process rule: No such file or directory").
 */
public class NftException extends RuntimeException {
    private final int line;
    private final String lineText;
    private final transient NftOp op;
    private final String nftMessage;

    public NftException(String message, int line, String lineText, NftOp op, String nftMessage) {
        super(message);
        this.line = line;
        this.lineText = lineText;
        this.op = op;
        this.nftMessage = nftMessage;
    }

    public NftException(String message) {
        this(message, 0, null, null, message);
    }

    public NftException(String message, Throwable cause) {
        super(message, cause);
        this.line = 0;
        this.lineText = null;
        this.op = null;
        this.nftMessage = message;
    }

    /** 1-based script line nft reported, or 0 when it named none. */
    public int line() {
        return line;
    }

    public Optional<String> lineText() {
        return Optional.ofNullable(lineText);
    }

    public Optional<NftOp> op() {
        return Optional.ofNullable(op);
    }

    public String nftMessage() {
        return nftMessage;
    }
}
