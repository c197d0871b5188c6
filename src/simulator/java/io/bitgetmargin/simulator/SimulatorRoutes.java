package io.bitgetmargin.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.bitgetmargin.bitget.AccountTypeSetting;
import io.bitgetmargin.bitget.BitgetAccounts;
import io.bitgetmargin.bitget.BitgetConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves the {@link BitgetSimulator} on this application's own port, at Bitget's paths, in dev and test builds
 * only. The condition is evaluated at build time: a prod jar or native binary has no such bean, so it never
 * answers on these paths. The simulator accepts the credentials this application is configured with, so dev mode
 * works with no keys and no network; which of them are unified trading accounts there is {@link SimulatorConfig}'s
 * choice.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class SimulatorRoutes {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final BitgetSimulator simulator;

    SimulatorRoutes(BitgetConfig config, SimulatorConfig simulatorConfig) {
        Set<String> unified = simulatorConfig.unifiedAccounts().orElse(Set.of());
        List<SimulatedKey> keys = new ArrayList<>();
        if (config.hasCredentials()) {
            boolean isUnified = config.accountType() == AccountTypeSetting.UNIFIED
                    || unified.contains(BitgetAccounts.DEFAULT);
            keys.add(key(config.apiKey().orElseThrow(), config.secretKey().orElseThrow(),
                    config.passphrase().orElseThrow(), config.demoTrading(), isUnified));
        }
        config.accounts().forEach((name, account) -> keys.add(key(account.apiKey(), account.secretKey(),
                account.passphrase(), account.demoTrading(),
                account.accountType() == AccountTypeSetting.UNIFIED || unified.contains(name))));
        this.simulator = new BitgetSimulator(keys);
    }

    private static SimulatedKey key(String apiKey, String secretKey, String passphrase, boolean demo, boolean unified) {
        return new SimulatedKey(apiKey.trim(), secretKey, passphrase, demo, unified ? "unified" : "classic", null, null,
                null);
    }

    void register(@Observes Router router, Vertx vertx) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        router.route("/api/v2/*").order(-10).handler(body).handler(context -> serve(context, vertx));
        router.route("/api/v3/*").order(-10).handler(body).handler(context -> serve(context, vertx));
        router.route(ControlApi.PATH + "/*").order(-10).handler(body).handler(context -> serve(context, vertx));
        Log.info("Bitget simulator answers on /api/v2/* and /api/v3/* (control API on /simulator/*); dev and test "
                + "builds only");
    }

    private void serve(RoutingContext context, Vertx vertx) {
        Map<String, String> headers = new HashMap<>();
        context.request().headers().forEach(header -> headers.putIfAbsent(header.getKey(), header.getValue()));
        byte[] body = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        SimulatedRequest request = new SimulatedRequest(context.request().method().name(), context.request().path(),
                context.request().query(), headers, body);
        SimulatedResponse response = simulator.handle(request);
        if (response.delayMillis() > 0) {
            vertx.setTimer(response.delayMillis(), ignored -> send(context, response));
        } else {
            send(context, response);
        }
    }

    private static void send(RoutingContext context, SimulatedResponse response) {
        if (response.dropConnection()) {
            context.request().connection().close();
            return;
        }
        if (response.contentType() != null && !response.body().isEmpty()) {
            context.response().putHeader("Content-Type", response.contentType());
        }
        if (response.retryAfter() != null) {
            context.response().putHeader("Retry-After", response.retryAfter());
        }
        context.response().setStatusCode(response.status()).end(response.body());
    }
}
