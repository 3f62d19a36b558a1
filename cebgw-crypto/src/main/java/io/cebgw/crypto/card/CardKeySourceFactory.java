package io.cebgw.crypto.card;

import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.KeySourceFactory;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.SigningKey;

import java.util.function.Function;

/** {@code type=card}: the operator's E-Port IC card or Ukey through the card client's WebSocket API. */
public final class CardKeySourceFactory implements KeySourceFactory {
    @Override
    public String type() {
        return "card";
    }

    @Override
    public SigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        return CardSigningKey.open(spec, environment);
    }
}
