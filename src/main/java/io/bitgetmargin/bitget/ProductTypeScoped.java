package io.bitgetmargin.bitget;

/**
 * A classic (v2) request body that names its product type: the signing filter needs it, because the legacy simulated
 * product types (SUSDT-FUTURES, ...) are a demo environment of their own, sent without the {@code paptrading} header.
 */
interface ProductTypeScoped {

    String productType();
}
