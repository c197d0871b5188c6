package io.bitgetmargin.bitget;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * What kind of account each configured account is: fixed by its {@code account-type}, or, with {@code auto}, learnt
 * from Bitget's answers. A v2 call answered 40085 proves a unified account, a v3 call answered 40084 a classic one
 * ({@link BitgetClient} reports both here); what was learnt stays in this instance's memory and is learnt again
 * whenever Bitget contradicts it (accounts move both ways: Bitget upgrades classic accounts, and a unified one can
 * switch back). An account not yet learnt is tried as classic, so a classic account never pays for the detection.
 * <p>
 * Shown in readiness ({@link #describe()}) and in the gauge {@code bitget_margin_account_unified{account}}: 1 unified,
 * 0 classic, -1 not known yet.
 */
@ApplicationScoped
public class BitgetAccountTypes {

    private final BitgetAccounts accounts;
    private final Map<String, AtomicReference<AccountType>> learnt = new ConcurrentHashMap<>();

    BitgetAccountTypes(BitgetAccounts accounts, MeterRegistry meters) {
        this.accounts = accounts;
        for (String account : accounts.names()) {
            learnt.put(account, new AtomicReference<>());
            // A previous application in this JVM (dev-mode reload, test profiles) may have left this gauge behind.
            Tags tags = Tags.of("account", account);
            meters.find("bitget.margin.account.unified").tags(tags).meters().forEach(meters::remove);
            Gauge.builder("bitget.margin.account.unified", () -> known(account).map(type -> type == AccountType.UNIFIED ? 1 : 0)
                    .orElse(-1)).tags(tags).strongReference(true).register(meters);
        }
    }

    /** The API to try first for an account (null: the default one): its fixed or learnt type, else classic. */
    public AccountType current(String account) {
        return known(account).orElse(AccountType.CLASSIC);
    }

    /** The account's type when it is fixed by configuration or has been learnt. */
    public Optional<AccountType> known(String account) {
        AccountType fixed = setting(account).fixed();
        return fixed != null ? Optional.of(fixed) : Optional.ofNullable(slot(account).get());
    }

    /** Whether Bitget's answers decide the account's type ({@code auto}), rather than the configuration. */
    public boolean isLearnt(String account) {
        return setting(account) == AccountTypeSetting.AUTO;
    }

    /** The configured setting of an account. */
    public AccountTypeSetting setting(String account) {
        return accounts.resolve(account).accountType();
    }

    /**
     * Takes in what a Bitget answer proved; ignored for an account whose type is fixed. Called for every signed
     * answer, so the evidence is only put into words when it changes something.
     *
     * @return whether the account's type changed
     */
    boolean learn(String account, AccountType type, Supplier<String> evidence) {
        if (!isLearnt(account)) {
            return false;
        }
        AccountType before = slot(account).getAndSet(type);
        if (before != type) {
            Log.infof("Bitget account '%s' is %s (%s): its calls go to the %s API from now on",
                    BitgetAccounts.nameOf(account), type == AccountType.UNIFIED ? "a unified trading account" : "a classic account",
                    evidence.get(), type == AccountType.UNIFIED ? "v3" : "v2");
        }
        return before != type;
    }

    /**
     * Runs a flow for the account's current type, and once more for the other type when Bitget's answer proved the
     * account to be of that type meanwhile (40085 on v2, 40084 on v3, learnt by the edge). For an account whose type
     * is configured, nothing is learnt, and the refusal reaches the caller. Flows read before they write, so the
     * refusal comes before anything was changed.
     */
    public <T> Uni<T> byType(String account, Function<AccountType, Uni<T>> flow) {
        return Uni.createFrom().deferred(() -> {
            AccountType tried = current(account);
            return flow.apply(tried)
                    .onFailure(failure -> isWrongAccountType(failure) && current(account) != tried)
                    .recoverWithUni(() -> flow.apply(current(account)));
        });
    }

    /** Whether Bitget refused the API for the account's type (40085 or 40084). */
    public static boolean isWrongAccountType(Throwable failure) {
        return failure instanceof BitgetException.Rejected rejected
                && rejected.category() == BitgetErrorCategory.WRONG_ACCOUNT_TYPE;
    }

    /** Forgets what was learnt of an account (it is moving between types), so that it is learnt afresh. */
    public void forget(String account) {
        slot(account).set(null);
    }

    /** For readiness, which needs no token: how many accounts are of each kind, never their names ({@code classic (learnt): 1, unified (configured): 1}). */
    public String describe() {
        Map<String, Long> counts = new TreeMap<>(learnt.keySet().stream().collect(Collectors.groupingBy(account -> known(account)
                .map(type -> type.tag() + (isLearnt(account) ? " (learnt)" : " (configured)")).orElse("not known yet (auto)"),
                Collectors.counting())));
        return counts.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private AtomicReference<AccountType> slot(String account) {
        String name = BitgetAccounts.nameOf(account);
        AtomicReference<AccountType> type = learnt.get(name);
        if (type == null) {
            accounts.resolve(account); // throws UnknownAccountException
            throw new IllegalStateException("no slot for a configured account: " + name);
        }
        return type;
    }
}
