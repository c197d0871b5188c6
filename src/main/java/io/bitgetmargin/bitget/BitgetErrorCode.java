package io.bitgetmargin.bitget;

import static io.bitgetmargin.bitget.BitgetErrorCategory.AUTHENTICATION;
import static io.bitgetmargin.bitget.BitgetErrorCategory.CLOCK_SKEW;
import static io.bitgetmargin.bitget.BitgetErrorCategory.INVALID_PARAMETER;
import static io.bitgetmargin.bitget.BitgetErrorCategory.LEVERAGE_BLOCKED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.LEVERAGE_NOT_ALLOWED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.LEVERAGE_OUT_OF_RANGE;
import static io.bitgetmargin.bitget.BitgetErrorCategory.MARGIN_COIN_NOT_SUPPORTED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.MARGIN_MODE_NOT_ALLOWED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.NOT_AVAILABLE_IN_DEMO;
import static io.bitgetmargin.bitget.BitgetErrorCategory.OTHER;
import static io.bitgetmargin.bitget.BitgetErrorCategory.POSITION_MODE_BLOCKED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.POSITION_MODE_LOCKED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.POSITION_OR_ORDER_OPEN;
import static io.bitgetmargin.bitget.BitgetErrorCategory.RATE_LIMITED;
import static io.bitgetmargin.bitget.BitgetErrorCategory.SYMBOL_UNAVAILABLE;
import static io.bitgetmargin.bitget.BitgetErrorCategory.TIMEOUT;
import static io.bitgetmargin.bitget.BitgetErrorCategory.UNAVAILABLE;
import static io.bitgetmargin.bitget.BitgetErrorCategory.UNKNOWN_SYMBOL;
import static io.bitgetmargin.bitget.BitgetErrorCategory.WRONG_ACCOUNT_TYPE;
import static io.bitgetmargin.bitget.BitgetErrorCategory.WRONG_ENVIRONMENT;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Bitget error codes this service knows, each with its category. Match on the code, never on the message:
 * messages are parameterised and localised.
 */
public enum BitgetErrorCode {
    ACCESS_KEY_EMPTY("40001", AUTHENTICATION),
    ACCESS_SIGN_EMPTY("40002", AUTHENTICATION),
    SIGNATURE_EMPTY("40003", AUTHENTICATION),
    TIMESTAMP_EXPIRED_ALT("40004", CLOCK_SKEW),
    INVALID_TIMESTAMP("40005", CLOCK_SKEW),
    INVALID_ACCESS_KEY("40006", AUTHENTICATION),
    INVALID_CONTENT_TYPE("40007", INVALID_PARAMETER),
    TIMESTAMP_EXPIRED("40008", CLOCK_SKEW),
    SIGNATURE_ERROR("40009", AUTHENTICATION),
    REQUEST_TIMED_OUT("40010", TIMEOUT),
    PASSPHRASE_EMPTY("40011", AUTHENTICATION),
    KEY_OR_PASSPHRASE_INCORRECT("40012", AUTHENTICATION),
    PERMISSION_MISSING("40014", AUTHENTICATION),
    SYSTEM_ABNORMAL("40015", UNAVAILABLE),
    PARAMETER_VERIFICATION_FAILED("40017", INVALID_PARAMETER),
    INVALID_IP("40018", AUTHENTICATION),
    PARAMETER_EMPTY("40019", INVALID_PARAMETER),
    PARAMETER_ERROR("40020", INVALID_PARAMETER),
    PARAMETER_DOES_NOT_EXIST("40034", UNKNOWN_SYMBOL),
    PASSPHRASE_ERROR("40036", AUTHENTICATION),
    API_KEY_DOES_NOT_EXIST("40037", AUTHENTICATION),
    IP_NOT_WHITELISTED("40038", AUTHENTICATION),
    SYMBOL_NOT_SUPPORTED("40072", UNKNOWN_SYMBOL),
    OUTSIDE_RECEIVE_WINDOW("40078", CLOCK_SKEW),
    RECEIVE_WINDOW_TOO_LARGE("40079", CLOCK_SKEW),
    CLASSIC_KEY_ON_UNIFIED_ENDPOINT("40084", WRONG_ACCOUNT_TYPE),
    UNIFIED_KEY_ON_CLASSIC_ENDPOINT("40085", WRONG_ACCOUNT_TYPE),
    WRONG_ENVIRONMENT_KEY("40099", WRONG_ENVIRONMENT),
    SYMBOL_DOES_NOT_EXIST("40102", UNKNOWN_SYMBOL),
    NOT_AVAILABLE_IN_DEMO_TRADING("40110", NOT_AVAILABLE_IN_DEMO),
    SERVER_UPGRADE("40200", UNAVAILABLE),
    CONTRACT_UNDER_MAINTENANCE("40308", SYMBOL_UNAVAILABLE),
    CONTRACT_REMOVED("40309", SYMBOL_UNAVAILABLE),
    CROSS_NOT_SUPPORTED_FOR_PAIR("40716", MARGIN_MODE_NOT_ALLOWED),
    SERVICE_RETURNED_ERROR("40725", UNAVAILABLE),
    MARGIN_COIN_NOT_SUPPORTED_FOR_PAIR("40778", MARGIN_COIN_NOT_SUPPORTED),
    PARAMETER_VERIFICATION_EXCEPTION("40808", MARGIN_COIN_NOT_SUPPORTED),
    CONTRACT_OFFLINE("40844", SYMBOL_UNAVAILABLE),
    POSITION_OR_PLAN_ORDER_OPEN("40872", POSITION_OR_ORDER_OPEN),
    POSITION_MODE_SWITCH_BLOCKED("40920", POSITION_MODE_BLOCKED),
    COPY_TRADING_POSITION_MODE("40731", POSITION_MODE_LOCKED),
    MARKET_MAKER_ONE_WAY_ONLY("40775", POSITION_MODE_LOCKED),
    EXPERIENCE_COUPON_POSITION_MODE("22026", POSITION_MODE_LOCKED),
    LEVERAGE_OUT_OF_EFFECTIVE_RANGE("43050", LEVERAGE_OUT_OF_RANGE),
    LEVERAGE_NOT_SUITABLE_AFTER_ADJUSTMENT("45044", LEVERAGE_OUT_OF_RANGE),
    LEVERAGE_ABOVE_MAXIMUM("45045", LEVERAGE_OUT_OF_RANGE),
    TRADER_LEVERAGE_CAP("40914", LEVERAGE_OUT_OF_RANGE),
    TRADER_PRO_LEVERAGE_CAP("40929", LEVERAGE_OUT_OF_RANGE),
    PLAN_ORDER_BLOCKS_LEVERAGE("40730", LEVERAGE_BLOCKED),
    ORDER_BLOCKS_LEVERAGE("45097", LEVERAGE_BLOCKED),
    NOT_ENOUGH_MARGIN_FOR_LEVERAGE("40893", LEVERAGE_BLOCKED),
    RISK_BEING_PROCESSED("40880", LEVERAGE_BLOCKED),
    TRADER_CANNOT_MODIFY_LEVERAGE("40869", LEVERAGE_NOT_ALLOWED),
    COPY_TRADING_LEVERAGE("45089", LEVERAGE_NOT_ALLOWED),
    EXPERIENCE_COUPON_LEVERAGE("22020", LEVERAGE_NOT_ALLOWED),
    /** "No change in leverage": the leverage already has the value sent, which the symbol setup counts as success. */
    LEVERAGE_UNCHANGED("40814", INVALID_PARAMETER),
    LEVERAGE_UNCHANGED_ALT("45054", INVALID_PARAMETER),
    IP_WHITELIST_REQUIRED("22010", AUTHENTICATION),
    CROSS_NOT_SUPPORTED_FOR_SYMBOL("22005", MARGIN_MODE_NOT_ALLOWED),
    NOT_AVAILABLE_IN_DEMO_MODE("22030", NOT_AVAILABLE_IN_DEMO),
    MARGIN_COIN_NOT_ALLOWED("43049", MARGIN_COIN_NOT_SUPPORTED),
    UNKNOWN_ERROR("45001", UNAVAILABLE),
    MARGIN_COIN_NOT_SUPPORTED_BY_PAIR("45025", MARGIN_COIN_NOT_SUPPORTED),
    LEAD_TRADER_CANNOT_USE_CROSS("45098", MARGIN_MODE_NOT_ALLOWED),
    MULTI_ASSET_CANNOT_USE_ISOLATED("45099", MARGIN_MODE_NOT_ALLOWED),
    ONE_WAY_POSITION_CANNOT_USE_ISOLATED("45100", MARGIN_MODE_NOT_ALLOWED),
    ISOLATED_CANNOT_USE_ONE_WAY("45101", MARGIN_MODE_NOT_ALLOWED),
    POSITIONS_OR_ORDERS_OPEN("45117", POSITION_OR_ORDER_OPEN),
    PARAMETER_CHECK_FAILED("400172", INVALID_PARAMETER),
    TOO_MANY_REQUESTS("429", RATE_LIMITED);

    private static final Map<String, BitgetErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BitgetErrorCode::code, Function.identity()));

    private final String code;
    private final BitgetErrorCategory category;

    BitgetErrorCode(String code, BitgetErrorCategory category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public BitgetErrorCategory category() {
        return category;
    }

    public static Optional<BitgetErrorCode> of(String code) {
        return Optional.ofNullable(code).map(String::trim).map(BY_CODE::get);
    }

    /** Whether a refused leverage change says the leverage already has that value (40814, 45054). */
    public static boolean isLeverageUnchanged(String code) {
        return of(code).filter(known -> known == LEVERAGE_UNCHANGED || known == LEVERAGE_UNCHANGED_ALT).isPresent();
    }

    /** The category of a raw code; {@link BitgetErrorCategory#OTHER} when the code is unknown. */
    public static BitgetErrorCategory categoryOf(String code) {
        return of(code).map(BitgetErrorCode::category).orElse(OTHER);
    }
}
