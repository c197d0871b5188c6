package io.bitgetmargin.margin;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be sent to Bitget; nothing was sent. Lists every problem found, not just the first. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** An S-prefixed (legacy demo) product type asked of a unified trading account, which has none. */
    public static InvalidRequestException simulatedProductTypeOnUnified(ProductType productType) {
        String plain = productType.wireName().substring(1);
        return new InvalidRequestException("productType", productType.wireName() + " is a classic account's demo product "
                + "type, and unified trading accounts have none: use " + plain + " with a demo-trading key "
                + "(bitget.demo-trading=true or bitget.accounts.<name>.demo-trading=true)");
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One problem with one field of the request. */
    public record FieldProblem(String field, String message) {
        @Override
        public String toString() {
            return field == null ? message : field + ": " + message;
        }
    }
}
