package io.cebgw.server.web;

import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.UserRow;
import io.cebgw.server.store.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who is signed in and which enterprise a page acts for: an enterprise user always its own; a platform administrator
 * the one it picked ({@code ?enterprise=}) among those it manages, else the first. Nothing else can be reached.
 */
@Component
class SignedIn {
    private final UserStore users;
    private final EnterpriseStore enterprises;

    SignedIn(UserStore users, EnterpriseStore enterprises) {
        this.users = users;
        this.enterprises = enterprises;
    }

    /** The user and the enterprises it may act for, with the one this request acts for. */
    record Context(UserRow user, List<EnterpriseRow> allowed, EnterpriseRow enterprise) {
        boolean platform() {
            return UserRow.PLATFORM.equals(user.role());
        }
    }

    Context context(Authentication authentication, String requested) throws PageNotFound {
        UserRow user = users.byUsername(authentication.getName()).orElseThrow(PageNotFound::new);
        List<EnterpriseRow> allowed = users.enterprisesOf(user).stream().map(enterprises::byId).flatMap(Optional::stream).toList();
        if (allowed.isEmpty()) {
            throw new PageNotFound();
        }
        EnterpriseRow chosen = requested == null || requested.isBlank() ? allowed.get(0)
                : allowed.stream().filter(e -> e.id().equals(requested)).findFirst().orElseThrow(PageNotFound::new);
        return new Context(user, allowed, chosen);
    }
}
