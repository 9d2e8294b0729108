package dev.calyx.kernel.nft;

import java.util.Locale;

/** What a rule or a verdict-map element decides: a terminal verdict, or a jump/goto to another chain. */
public sealed interface NftVerdict {
    NftVerdict ACCEPT = Simple.ACCEPT;
    NftVerdict DROP = Simple.DROP;
    NftVerdict CONTINUE = Simple.CONTINUE;
    NftVerdict RETURN = Simple.RETURN;

    /** nft's spelling: {@code accept}, {@code jump cali-fw-x}. */
    String render();

    static NftVerdict jump(String chain) {
        return new Jump(chain);
    }

    static NftVerdict goTo(String chain) {
        return new Goto(chain);
    }

    /** Verdicts without a target. */
    enum Simple implements NftVerdict {
        ACCEPT, DROP, CONTINUE, RETURN;

        @Override
        public String render() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Jump to a chain and come back. */
    record Jump(String chain) implements NftVerdict {
        public Jump {
            NftNames.requireIdentifier("chain", chain);
        }

        @Override
        public String render() {
            return "jump " + chain;
        }
    }

    /** Go to a chain without coming back. */
    record Goto(String chain) implements NftVerdict {
        public Goto {
            NftNames.requireIdentifier("chain", chain);
        }

        @Override
        public String render() {
            return "goto " + chain;
        }
    }
}
