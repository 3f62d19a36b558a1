package io.cebgw.core.spec;

import java.util.Set;

/**
 * The head fields of a declaration that belong to its sending system, not to the business: the record's guid, the kind of
 * declaration (appType), the time it is sent (appTime) and draft or declare (appStatus). The gateway fills them — on the
 * entry forms, in Excel imports — and never carries them from one document to another.
 */
public final class SystemFields {
    public static final Set<String> HEAD = Set.of("guid", "appType", "appTime", "appStatus");

    private SystemFields() {
    }
}
