package io.bitgetmargin.margin;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One margin mode for many symbols of one account. {@code productType} and {@code marginCoin} apply to every
 * symbol and may be left out where the symbols decide them; {@code dryRun} only reads and reports.
 */
@RegisterForReflection
public record BatchInput(String productType, String marginCoin, String marginMode, List<String> symbols, Boolean dryRun) {
}
