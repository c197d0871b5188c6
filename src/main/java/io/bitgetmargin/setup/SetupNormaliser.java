package io.bitgetmargin.setup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bitgetmargin.margin.InvalidRequestException;
import io.bitgetmargin.margin.InvalidRequestException.FieldProblem;
import io.bitgetmargin.margin.MarginMode;
import io.bitgetmargin.margin.MarginModeNormaliser;
import io.bitgetmargin.margin.MarginModeTarget;

/**
 * Turns a setup as written into a {@link DesiredSetup}, or says precisely what is wrong. Pure. The symbol follows the
 * margin-mode rules ({@link MarginModeNormaliser}). Leverages must be whole numbers: whether Bitget accepts, rounds or
 * refuses a fraction such as 2.5 is not known (SETUP.md §12.8), so none is sent.
 */
public final class SetupNormaliser {

    /** Far above any contract's range; the contract's own range is checked later, against Bitget's list. */
    static final BigDecimal MAX_LEVERAGE = BigDecimal.valueOf(1000);

    private SetupNormaliser() {
    }

    /** @throws InvalidRequestException listing every field that is wrong or missing */
    public static DesiredSetup normalise(SymbolSetupInput input) {
        if (input == null) {
            throw new InvalidRequestException(null, "a request body with symbol and at least one of marginMode, "
                    + "leverage, longLeverage, shortLeverage and posMode is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<MarginModeTarget> target = MarginModeNormaliser.target(input.symbol(), input.productType(),
                input.marginCoin(), problems);
        DesiredSetup settings = settings(input.marginMode(), input.leverage(), input.longLeverage(),
                input.shortLeverage(), input.posMode(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return settings.forTarget(target.orElseThrow());
    }

    /**
     * The settings of a setup, with no contract yet; adds to {@code problems} what is wrong.
     *
     * @return null when {@code problems} grew
     */
    public static DesiredSetup settings(String rawMarginMode, BigDecimal leverage, BigDecimal longLeverage,
            BigDecimal shortLeverage, String rawPosMode, List<FieldProblem> problems) {
        int before = problems.size();
        MarginMode marginMode = null;
        if (rawMarginMode != null) {
            marginMode = MarginModeNormaliser.marginMode(rawMarginMode, problems).orElse(null);
        }
        PositionMode posMode = null;
        if (rawPosMode != null) {
            posMode = PositionMode.parse(rawPosMode).orElse(null);
            if (posMode == null) {
                problems.add(new FieldProblem("posMode",
                        "must be one_way_mode or hedge_mode (one-way and hedge are accepted too)"));
            }
        }
        checkLeverage("leverage", leverage, problems);
        checkLeverage("longLeverage", longLeverage, problems);
        checkLeverage("shortLeverage", shortLeverage, problems);
        if (leverage != null && (longLeverage != null || shortLeverage != null)) {
            problems.add(new FieldProblem("leverage", "cannot be combined with longLeverage or shortLeverage: give "
                    + "leverage for both sides, or the sides apart"));
        }
        if (rawMarginMode == null && rawPosMode == null && leverage == null && longLeverage == null
                && shortLeverage == null) {
            problems.add(new FieldProblem(null, "name at least one setting: marginMode, leverage, longLeverage, "
                    + "shortLeverage or posMode"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new DesiredSetup(null, marginMode, whole(leverage), whole(longLeverage), whole(shortLeverage), posMode);
    }

    private static void checkLeverage(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(MAX_LEVERAGE) > 0) {
            problems.add(new FieldProblem(field, "must be a whole number from 1 to " + MAX_LEVERAGE.toPlainString()
                    + " (the contract's own range is checked before anything is sent), but is " + value.toPlainString()));
        }
    }

    private static BigDecimal whole(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().setScale(0);
    }
}
