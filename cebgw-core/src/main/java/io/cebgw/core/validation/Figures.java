package io.cebgw.core.validation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * Compares field values across documents: amounts, quantities and weights by value (12 = 12.00), codes and numbers
 * as text (unit 025 is not 25). A missing value is never a difference: that is the field rules' business.
 */
final class Figures {
    private static final Set<String> BY_VALUE = Set.of("qty", "qty1", "qty2", "price", "totalPrice", "packNo", "grossWeight",
            "netWeight", "freight", "insuredFee", "goodsValue");

    private Figures() {
    }

    static boolean differ(String field, String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (BY_VALUE.contains(field)) {
            BigDecimal x = Amounts.parse(a);
            BigDecimal y = Amounts.parse(b);
            if (x != null && y != null) {
                return x.compareTo(y) != 0;
            }
        }
        return !Objects.equals(a.strip(), b.strip());
    }
}
