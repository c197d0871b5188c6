package io.bitgetmargin.bitget;

import java.util.Collection;

/** A request named a Bitget account this service is not configured for; nothing was sent. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String name, Collection<String> known) {
        super((name == null || name.isBlank() ? "No default Bitget account is configured" : "No Bitget account named '"
                + name + "' is configured") + "; name one of " + known + " in the X-Bitget-Account header", null, false,
                false);
    }
}
