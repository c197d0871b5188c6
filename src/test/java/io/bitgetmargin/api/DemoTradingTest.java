package io.bitgetmargin.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bitgetmargin.testing.Facade;
import io.bitgetmargin.testing.LoopbackBitget;
import io.bitgetmargin.testing.SeenCalls;
import io.bitgetmargin.testing.Simulator;
import io.bitgetmargin.testing.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * With {@code demo-trading=true} every signed call carries {@code paptrading: 1}: bob is a demo account
 * ({@code bitget.accounts.bob.demo-trading=true}; the default account's {@code bitget.demo-trading} is read the same
 * way, see {@code BitgetAccountsTest}).
 */
@QuarkusTest
@WithTestResource(LoopbackBitget.class)
class DemoTradingTest {

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    private static RequestSpecification bob() {
        return Facade.as(TestAccounts.TOKEN, TestAccounts.BOB);
    }

    @Test
    void sendsPaptradingWithADemoKey() {
        Facade.put(bob(), "", Facade.change("BTCUSDT", "isolated")).statusCode(200).body("marginMode", equalTo("isolated"));
        assertEquals("1", SeenCalls.header(Simulator.calls(Simulator.SET_MARGIN_MODE).get(0), "paptrading"));
    }

    @Test
    void reportsALiveKeyInDemoModeAsWrongEnvironment() {
        Simulator.key(TestAccounts.BOB_KEY, TestAccounts.rsaPem(), "bob-passphrase", false);
        Facade.problem(Facade.put(bob(), "", Facade.change("BTCUSDT", "isolated")), 502, "WRONG_ENVIRONMENT")
                .body("bitgetCode", equalTo("40099"));
    }

    @Test
    void sendsTheSimulatedProductTypesWithoutPaptrading() {
        Facade.put(bob(), "", Map.of("symbol", "SBTCSUSDT", "marginMode", "isolated"))
                .statusCode(200)
                .body("productType", equalTo("SUSDT-FUTURES"))
                .body("marginCoin", equalTo("SUSDT"));
        for (Map<String, Object> call : Simulator.calls()) {
            assertEquals(null, SeenCalls.header(call, "paptrading"), String.valueOf(call.get("path")));
        }
    }
}
