package io.cebgw.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page the signed-in user cannot see: answered 404, the same as a page that does not exist (no hint either way). */
@ResponseStatus(HttpStatus.NOT_FOUND)
final class PageNotFound extends Exception {
    private static final long serialVersionUID = 1L;

    PageNotFound() {
        super("not found", null, false, false);
    }
}
