package io.bitgetmargin.security;

/**
 * An authenticated caller asked for what it may not do: an account outside its accounts, or a change without the
 * {@code margin:write} scope. Nothing was sent to Bitget.
 */
public class AccessDeniedException extends RuntimeException {

    /** What the caller lacked. */
    public enum Lacking {
        ACCOUNT, SCOPE
    }

    private final transient Caller caller;
    private final String account;
    private final Lacking lacking;
    private final Scope scope;

    private AccessDeniedException(String message, Caller caller, String account, Lacking lacking, Scope scope) {
        super(message, null, false, false);
        this.caller = caller;
        this.account = account;
        this.lacking = lacking;
        this.scope = scope;
    }

    static AccessDeniedException account(Caller caller, String account) {
        return new AccessDeniedException("The caller '" + caller.name() + "' may not use the Bitget account '" + account
                + "'", caller, account, Lacking.ACCOUNT, null);
    }

    /** A caller without a scope the call needs; {@code caller} and {@code account} may be unknown (null). */
    public static AccessDeniedException scope(Caller caller, String account, Scope scope) {
        return new AccessDeniedException("This call needs the scope " + scope.wireName() + (caller == null ? ""
                : ", which the caller '" + caller.name() + "' does not have"), caller, account, Lacking.SCOPE, scope);
    }

    public Caller caller() {
        return caller;
    }

    public String account() {
        return account;
    }

    public Lacking lacking() {
        return lacking;
    }

    /** The scope it lacked, for {@link Lacking#SCOPE}. */
    public Scope scope() {
        return scope;
    }

    /** For the audit trail: what was lacking, in a few words. */
    public String reason() {
        return lacking == Lacking.ACCOUNT ? "account not allowed: " + account : "scope missing: " + scope.wireName();
    }
}
