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

    static final String SETUP = "{\"symbol\":\"BTCUSDT\",\"marginMode\":\"isolated\",\"leverage\":3,"
            + "\"posMode\":\"one_way_mode\"}";

    static final String SETUP_PER_SIDE = "{\"symbol\":\"ETHUSDT\",\"productType\":\"USDT-FUTURES\","
            + "\"marginCoin\":\"USDT\",\"marginMode\":\"isolated\",\"longLeverage\":5,\"shortLeverage\":3,"
            + "\"posMode\":\"hedge\"}";

    static final String SETUP_CHANGED = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\","
            + "\"accountType\":\"classic\",\"outcome\":\"CHANGED\","
            + "\"before\":{\"marginMode\":\"crossed\",\"posMode\":\"hedge_mode\",\"crossedMarginLeverage\":20,"
            + "\"isolatedLongLeverage\":20,\"isolatedShortLeverage\":20},"
            + "\"after\":{\"marginMode\":\"isolated\",\"posMode\":\"one_way_mode\",\"crossedMarginLeverage\":20,"
            + "\"isolatedLongLeverage\":3,\"isolatedShortLeverage\":3},\"steps\":["
            + "{\"setting\":\"posMode\",\"from\":\"hedge_mode\",\"to\":\"one_way_mode\",\"outcome\":\"CHANGED\"},"
            + "{\"setting\":\"marginMode\",\"from\":\"crossed\",\"to\":\"isolated\",\"outcome\":\"CHANGED\"},"
            + "{\"setting\":\"longLeverage\",\"from\":\"20\",\"to\":\"3\",\"outcome\":\"CHANGED\"},"
            + "{\"setting\":\"shortLeverage\",\"from\":\"20\",\"to\":\"3\",\"outcome\":\"CHANGED\"}]}";

    static final String SETUP_WOULD_CHANGE = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\","
            + "\"marginCoin\":\"USDT\",\"accountType\":\"classic\",\"outcome\":\"WOULD_CHANGE\","
            + "\"before\":{\"marginMode\":\"isolated\",\"posMode\":\"one_way_mode\",\"crossedMarginLeverage\":20,"
            + "\"isolatedLongLeverage\":3,\"isolatedShortLeverage\":3},\"steps\":["
            + "{\"setting\":\"marginMode\",\"from\":\"isolated\",\"to\":\"isolated\",\"outcome\":\"UNCHANGED\"},"
            + "{\"setting\":\"longLeverage\",\"from\":\"3\",\"to\":\"5\",\"outcome\":\"WOULD_CHANGE\"},"
            + "{\"setting\":\"shortLeverage\",\"from\":\"3\",\"to\":\"5\",\"outcome\":\"WOULD_CHANGE\"}]}";

    static final String SETUP_PARTIAL = "{\"type\":\"urn:bitget-margin:problem:position-or-order-open\","
            + "\"title\":\"Positions or orders are open\",\"status\":409,\"detail\":\"Bitget does not change the margin "
            + "mode while the symbol has an open position or order: close the positions and cancel the open and plan "
            + "orders on this symbol first, then retry.\",\"code\":\"POSITION_OR_ORDER_OPEN\",\"retryable\":false,"
            + "\"bitgetCode\":\"45117\",\"bitgetMsg\":\"Currently holding positions or orders, the margin mode cannot be "
            + "adjusted\",\"before\":{\"marginMode\":\"crossed\",\"posMode\":\"hedge_mode\",\"crossedMarginLeverage\":20,"
            + "\"isolatedLongLeverage\":20,\"isolatedShortLeverage\":20},\"after\":{\"marginMode\":\"crossed\","
            + "\"posMode\":\"one_way_mode\",\"crossedMarginLeverage\":20,\"isolatedLongLeverage\":20,"
            + "\"isolatedShortLeverage\":20},\"steps\":["
            + "{\"setting\":\"posMode\",\"from\":\"hedge_mode\",\"to\":\"one_way_mode\",\"outcome\":\"CHANGED\"},"
            + "{\"setting\":\"marginMode\",\"from\":\"crossed\",\"to\":\"isolated\",\"outcome\":\"FAILED\","
            + "\"bitgetCode\":\"45117\"},"
            + "{\"setting\":\"longLeverage\",\"from\":\"20\",\"to\":\"3\",\"outcome\":\"SKIPPED\"},"
            + "{\"setting\":\"shortLeverage\",\"from\":\"20\",\"to\":\"3\",\"outcome\":\"SKIPPED\"}]}";

    static final String SETUP_BATCH = "{\"productType\":\"USDT-FUTURES\",\"marginMode\":\"isolated\",\"leverage\":3,"
            + "\"posMode\":\"one_way_mode\",\"symbols\":[\"BTCUSDT\",\"ethusdt\",\"SOL/USDT:USDT\"]}";

    static final String SETUP_BATCH_RESULT = "{\"productType\":\"USDT-FUTURES\",\"accountType\":\"classic\","
            + "\"dryRun\":false,\"positionModes\":[{\"scope\":\"USDT-FUTURES\",\"step\":{\"setting\":\"posMode\","
            + "\"from\":\"hedge_mode\",\"to\":\"one_way_mode\",\"outcome\":\"CHANGED\"}}],"
            + "\"summary\":{\"CHANGED\":2,\"UNCHANGED\":1},\"results\":["
            + "{\"symbol\":\"BTCUSDT\",\"outcome\":\"CHANGED\",\"after\":{\"marginMode\":\"isolated\",\"posMode\":\"one_way_mode\"}},"
            + "{\"symbol\":\"ETHUSDT\",\"outcome\":\"CHANGED\",\"after\":{\"marginMode\":\"isolated\",\"posMode\":\"one_way_mode\"}},"
            + "{\"symbol\":\"SOLUSDT\",\"outcome\":\"UNCHANGED\",\"after\":{\"marginMode\":\"isolated\",\"posMode\":\"one_way_mode\"}}]}";

    private OpenApiExamples() {
    }
}
