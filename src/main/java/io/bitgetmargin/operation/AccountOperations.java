package io.bitgetmargin.operation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.margin.MarginModeService;
import io.bitgetmargin.security.AccessControl;
import io.bitgetmargin.security.Caller;
import io.bitgetmargin.security.Scope;
import io.smallrye.mutiny.Uni;

/** The accounts a caller may use, with what it needs to know to use them; nothing is sent to Bitget. */
@ApplicationScoped
public class AccountOperations {

    private final BitgetAccounts accounts;
    private final MarginModeService service;
    private final AccessControl access;

    AccountOperations(BitgetAccounts accounts, MarginModeService service, AccessControl access) {
        this.accounts = accounts;
        this.service = service;
        this.access = access;
    }

    /** The configured accounts the caller may use, by name; needs margin:read. */
    public Uni<List<AccountSummary>> list(Channel channel) {
        return access.authorize(Scope.READ).invoke(caller -> RequestSpans.askedBy(channel.span(), caller))
                .map(this::usableBy);
    }

    private List<AccountSummary> usableBy(Caller caller) {
        return accounts.names().stream().filter(caller::mayUse)
                .map(name -> new AccountSummary(name, service.accountType(name).orElse(null),
                        accounts.resolve(name).demoTrading()))
                .toList();
    }
}
