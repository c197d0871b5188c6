package io.bitgetmargin.bitget;

/**
 * For tests whose {@link BitgetClient} is a mock: what the real client does with every signed answer, tell
 * {@link BitgetAccountTypes} what the answer proved the account to be (a v2 call answered 40085 proves it unified, a
 * v3 call answered 40084 classic). Learning is the edge's own business, hence package-private; this is its one door
 * for the tests.
 */
public final class AccountTypeEvidence {

    private AccountTypeEvidence() {
    }

    /** The account is of {@code type}, as a Bitget answer would have proved. */
    public static void proves(BitgetAccountTypes accountTypes, String account, AccountType type) {
        accountTypes.learn(account, type, () -> "a test's Bitget answered so");
    }
}
