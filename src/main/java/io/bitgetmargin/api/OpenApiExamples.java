package io.bitgetmargin.api;

/** Request and response examples of the OpenAPI document, kept true by {@code OpenApiTest}. */
final class OpenApiExamples {

    /** The security schemes: a static facade token, and a JWT of the caller's identity provider. */
    static final String STATIC_TOKEN = "bearer";
    static final String JWT = "jwt";

    static final String ACCOUNT_HEADER = "A Bitget account configured as bitget.accounts.<name>.*; the default account "
            + "when absent";

    static final String STATE = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
            + "\"accountType\":\"classic\",\"marginMode\":\"crossed\",\"marginModeSource\":\"account\",\"crossedMarginLeverage\":20,\"isolatedLongLeverage\":20,"
            + "\"isolatedShortLeverage\":20,\"posMode\":\"hedge_mode\",\"assetMode\":\"single\"}";

    static final String UNIFIED_STATE = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
            + "\"accountType\":\"unified\",\"marginMode\":\"crossed\",\"marginModeSource\":\"settings\",\"leverage\":10,"
            + "\"posMode\":\"one_way_mode\",\"assetMode\":\"multi_assets\",\"accountLevel\":\"advanced\"}";

    static final String CHANGE = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
            + "\"marginMode\":\"isolated\"}";

    static final String CHANGE_INFERRED = "{\"symbol\":\"BTC/USDT:USDT\",\"marginMode\":\"isolated\"}";

    static final String CHANGED = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
            + "\"accountType\":\"classic\",\"marginMode\":\"isolated\",\"longLeverage\":20,\"shortLeverage\":20,\"outcome\":\"CHANGED\"}";

    static final String UNIFIED_CHANGED = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\","
            + "\"marginCoin\":\"USDT\",\"accountType\":\"unified\",\"marginMode\":\"isolated\",\"longLeverage\":10,"
            + "\"shortLeverage\":10,\"outcome\":\"CHANGED\"}";

    static final String UNCHANGED = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
            + "\"accountType\":\"classic\",\"marginMode\":\"isolated\",\"longLeverage\":20,\"shortLeverage\":20,\"outcome\":\"UNCHANGED\"}";

    static final String BATCH = "{\"productType\":\"USDT-FUTURES\",\"marginMode\":\"isolated\","
            + "\"symbols\":[\"BTCUSDT\",\"ethusdt\",\"SOL/USDT:USDT\"],\"dryRun\":false}";

    static final String BATCH_RESULT = "{\"productType\":\"USDT-FUTURES\",\"accountType\":\"classic\",\"marginMode\":\"isolated\",\"dryRun\":false,"
            + "\"summary\":{\"CHANGED\":1,\"UNCHANGED\":1,\"BLOCKED\":1},\"results\":["
            + "{\"symbol\":\"BTCUSDT\",\"outcome\":\"CHANGED\",\"marginMode\":\"isolated\"},"
            + "{\"symbol\":\"ETHUSDT\",\"outcome\":\"UNCHANGED\",\"marginMode\":\"isolated\"},"
            + "{\"symbol\":\"SOLUSDT\",\"outcome\":\"BLOCKED\",\"marginMode\":\"isolated\",\"problem\":{"
            + "\"type\":\"urn:bitget-margin:problem:position-or-order-open\",\"title\":\"Positions or orders are open\","
            + "\"status\":409,\"detail\":\"Close the positions and cancel the open and plan orders on this symbol first.\","
            + "\"code\":\"POSITION_OR_ORDER_OPEN\",\"retryable\":false,\"bitgetCode\":\"45117\","
            + "\"bitgetMsg\":\"Currently holding positions or orders, the margin mode cannot be adjusted\"}}]}";

    private OpenApiExamples() {
    }
}
